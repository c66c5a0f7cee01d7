import { useI18n } from '../i18n/i18n';

/**
 * A form's submit button (disabled while sending) and, for a form that can be put away or left
 * for another way, a link-styled button beside it (Cancel unless `cancelLabel` says otherwise).
 */
export function FormActions({
  submitLabel,
  busy,
  onCancel,
  cancelLabel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel?(): void;
  cancelLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button--link" onClick={onCancel}>
          {cancelLabel ?? t('section.cancel')}
        </button>
      ) : null}
    </div>
  );
}
