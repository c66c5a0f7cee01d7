import { useState } from 'react';
import type { Application, Attendee } from '../../api/enrollments';
import type { Problem } from '../../api/problems';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/TextAreaField';
import { useSubmission } from '../../components/use-submission';
import { useI18n } from '../../i18n/i18n';
import { liveAttendees } from './ApplicationCard';

/**
 * The cancellation of an application: all the live seats the viewer may cancel, or the ones
 * chosen. Staff and the applicant may cancel every live seat; a group member the group applied
 * for, only its own (`cancellable`). Staff give a reason (required by the API); a customer gives
 * none. The API decides (deadline, completed).
 */
export function CancelButton({
  application,
  cancellable,
  withReason,
  send,
  onCancelled,
}: {
  application: Application;
  /** The live seats the viewer may cancel; every live seat when absent. */
  cancellable?: Attendee[];
  withReason: boolean;
  /** `attendeeIds` is undefined when every seat the viewer may cancel is chosen. */
  send(attendeeIds: string[] | undefined, reason: string): Promise<Problem[] | null>;
  onCancelled(): void;
}) {
  const { t } = useI18n();
  const live = cancellable ?? liveAttendees(application);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const submission = useSubmission();
  if (live.length === 0) return null;
  const confirm = async () => {
    const ok = await submission.run(async () => {
      if (chosen.length === 0) return [{ code: 'VALIDATION_FAILED', field: null }];
      if (withReason && !reason.trim()) return [{ code: 'VALIDATION_FAILED', field: 'reason' }];
      const all = chosen.length === live.length;
      return send(all ? undefined : chosen, reason.trim());
    });
    if (ok) {
      setOpen(false);
      onCancelled();
    }
  };
  const title = `${t('applications.cancel')}: ${application.number}`;
  return (
    <div className="staff-action">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          submission.clear();
          setChosen(live.map((a) => a.id));
          setReason('');
          setOpen(true);
        }}
      >
        {title}
      </button>
      <ConfirmDialog
        open={open}
        title={title}
        confirmLabel={t('applications.cancelConfirm')}
        cancelLabel={t('applications.keep')}
        busy={submission.busy}
        problems={submission.problems}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <fieldset>
          <legend>{t('applications.cancelWho')}</legend>
          {live.map((attendee) => (
            <div className="checkbox" key={attendee.id}>
              <input
                id={`cancel-${attendee.id}`}
                type="checkbox"
                checked={chosen.includes(attendee.id)}
                onChange={(event) =>
                  setChosen((all) =>
                    event.target.checked
                      ? [...all, attendee.id]
                      : all.filter((id) => id !== attendee.id),
                  )
                }
              />
              <label htmlFor={`cancel-${attendee.id}`}>
                {attendee.name ?? attendee.userId ?? '—'}
              </label>
            </div>
          ))}
        </fieldset>
        {withReason ? (
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
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
