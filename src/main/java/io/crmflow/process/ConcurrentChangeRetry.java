package io.crmflow.process;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.aopalliance.intercept.MethodInterceptor;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.aopalliance.intercept.MethodInvocation;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the methods of {@link RetriedOnConcurrentChange} services again when they lost a race, outside their transaction
 * (this advice is ordered before the transaction interceptor), so each attempt is a whole new transaction. Measured in
 * TwoNodeClusterTest: without it, agents answering tickets while the first-response timer fired got 409 (20 of 60) or
 * 500 from a deadlock (8 of 60).
 */
@Configuration(proxyBeanMethods = false)
class ConcurrentChangeRetry implements MethodInterceptor {

    static final int MAX_ATTEMPTS = 5;
    private static final long BASE_PAUSE_MILLIS = 20;
    /** PostgreSQL: serialization failure, deadlock detected. */
    private static final Set<String> RACE_STATES = Set.of("40001", "40P01");

    /** An infrastructure advisor: the only kind Spring Boot's proxy creator applies when AspectJ is not on the class path. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor concurrentChangeRetryAdvisor() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(RetriedOnConcurrentChange.class, true),
                new ConcurrentChangeRetry());
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
            } catch (RuntimeException failure) {
                if (attempt == MAX_ATTEMPTS || !lostARace(failure)) {
                    throw failure;
                }
                Thread.sleep(BASE_PAUSE_MILLIS * attempt + ThreadLocalRandom.current().nextLong(BASE_PAUSE_MILLIS));
            }
        }
    }

    static boolean lostARace(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream().anyMatch(cause -> cause instanceof OptimisticLockingException
                || cause instanceof ConcurrencyFailureException
                || cause instanceof SQLException sql && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState()));
    }
}
