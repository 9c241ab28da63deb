package io.crmflow.web;

import jakarta.validation.Validator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Method validation of {@code @Validated} beans (the controllers' {@code @Min}/{@code @Max}/{@code @Size} parameters)
 * as Spring Boot sets it up (ValidationAutoConfiguration, which steps back for this bean), except that the validator is
 * looked up once: Boot hands the interceptor an {@link ObjectProvider}, which resolves the Validator bean by type on
 * every validated call, twice per API request (arguments and return value), about 4 % of the CPU of an authenticated
 * {@code GET /api/leads?limit=1} (JFR, bench/auth.sh). Still lazy, so the validator is not made while post-processors
 * are being created.
 */
@Configuration(proxyBeanMethods = false)
class MethodValidationOnce {

    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment, ObjectProvider<Validator> validator,
                                                                       ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
        FilteredMethodValidationPostProcessor processor = new FilteredMethodValidationPostProcessor(excludeFilters.orderedStream());
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setAdaptConstraintViolations(environment.getProperty("spring.validation.method.adapt-constraint-violations", Boolean.class, false));
        SingletonSupplier<Validator> once = SingletonSupplier.of(validator::getObject);
        processor.setValidatorProvider(new ObjectProvider<>() {
            @Override
            public Validator getObject() {
                return once.obtain();
            }
        });
        return processor;
    }
}
