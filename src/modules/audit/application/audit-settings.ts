import { IntegerSetting } from '@app/platform';

/** The audit context's settings (ADR 0007); the retention's reasoning is ADR 0071. */
export class AuditSettings {
  /** Audit records older than this many days are deleted by the retention job. */
  @IntegerSetting({ min: 30, max: 3650 })
  AUDIT_RETENTION_DAYS = 400;

  /** How often the retention job runs (once per period across all instances). */
  @IntegerSetting({ min: 1, max: 86_400 })
  AUDIT_PURGE_INTERVAL_SECONDS = 3600;

  /** Longest date range one export may cover. */
  @IntegerSetting({ min: 1, max: 3650 })
  AUDIT_EXPORT_MAX_DAYS = 366;

  /**
   * How long the first event of a batch waits for others before the audit consumer stores it
   * (ADR 0094): the lag a lone event pays. A batch is stored at once when it is full.
   */
  @IntegerSetting({ min: 1, max: 1000 })
  AUDIT_BATCH_MAX_WAIT_MS = 20;

  get retentionMs(): number {
    return this.AUDIT_RETENTION_DAYS * 86_400_000;
  }
}
