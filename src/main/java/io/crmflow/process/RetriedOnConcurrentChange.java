package io.crmflow.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a service whose API calls change process instances that the job executor may change at the same moment (a timer
 * firing on this or another node): a call that loses such a race (Camunda's optimistic locking, a database deadlock or
 * serialization failure) is run again in a new transaction instead of failing the caller with a 409 or 500. A call
 * inside a transaction that is already running (a delegate in a job, a nested service call) is not retried here: the
 * outermost transaction is the one to repeat, and the job executor repeats its own.
 *
 * @see ConcurrentChangeRetry
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetriedOnConcurrentChange {
}
