import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { TextAreaField } from '../../components/TextAreaField';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { actionDone, actionIntro, actionLabel, sendStaffAction } from './staff-actions';
import type { StaffActionKind } from './staff-actions';

/**
 * One staff action on an account, behind a modal confirmation that asks for the reason (stored
 * in the audit trail with the staff member and, from a request page, the request's ID).
 */
export function StaffActionButton({
  kind,
  userId,
  supportRequestId,
  onDone,
  quiet = false,
}: {
  kind: StaffActionKind;
  userId: string;
  supportRequestId?: string;
  onDone(): void;
  /** The page says the outcome itself (e.g. the item leaves its list). */
  quiet?: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(0);
  const submission = useSubmission();
  const confirm = async () => {
    const ok = await submission.run(async () => {
      if (!reason.trim()) return [{ code: 'VALIDATION_FAILED', field: 'reason' }];
      return sendStaffAction(kind, userId, {
        reason: reason.trim(),
        ...(supportRequestId ? { supportRequestId } : {}),
      });
    });
    if (ok) {
      setOpen(false);
      setReason('');
      setDone((n) => n + 1);
      onDone();
    }
  };
  return (
    <div className="staff-action">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          submission.clear();
          setOpen(true);
        }}
      >
        {t(actionLabel(kind))}
      </button>
      {done > 0 && !quiet ? <Notice key={done}>{t(actionDone(kind))}</Notice> : null}
      <ConfirmDialog
        open={open}
        title={t(actionLabel(kind))}
        confirmLabel={t('console.confirm')}
        cancelLabel={t('section.cancel')}
        busy={submission.busy}
        problems={submission.problems}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <p>
          {t(actionIntro(kind))} <strong>{userId}</strong>
        </p>
        <TextAreaField
          name="reason"
          label={t('console.reason')}
          hint={t('console.reasonHint')}
          value={reason}
          onValueChange={setReason}
          required
          maxLength={500}
          rows={3}
          problems={submission.problems}
        />
      </ConfirmDialog>
    </div>
  );
}
