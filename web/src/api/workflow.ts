/**
 * The one shape in which the server sends a record's workflow actions (src/core/workflow
 * `WorkflowAction`): every event the user's roles list at the record's stage, whether its
 * guards pass now, and if not, why (each reason citing its rule). The web never recomputes a gate.
 */
export interface WorkflowAction<E extends string = string, S extends string = string> {
  event: E;
  label: string;
  allowed: boolean;
  /** Why it is blocked (empty when allowed). */
  reasons: string[];
  /** The stage it leads to (null: the stage does not change). */
  to: S | null;
}
