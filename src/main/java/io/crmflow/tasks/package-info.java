/**
 * What every user task of every process gets, whatever its process (docs/product.md §16): a due date and a meaningful
 * priority from {@code rules/task-deadline.dmn} ({@link io.crmflow.tasks.TaskDeadlines}), the due time as a date and
 * clock time for the forms, and a title made from its {@code title} extension property so that diagrams show plain
 * labels ({@link io.crmflow.tasks.TaskTitles}). Engine plugins only; no other module calls it.
 */
package io.crmflow.tasks;
