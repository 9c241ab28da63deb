package io.crmflow.opportunity;

/** What an idle period of an opportunity leads to (docs/product.md §3.5). */
enum IdleAction {
    /** There was activity during the period. */
    NONE,
    /** First idle period: a follow-up task for the owner. */
    OWNER_TASK,
    /** Second idle period in a row: flagged on the region manager's board. */
    MANAGER_BOARD,
    /** Already on the board. */
    STILL_FLAGGED
}
