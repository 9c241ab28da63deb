package io.crmflow.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first start on an empty PostgreSQL database creates what every node shares: crmflow's tables, Camunda's schema,
 * the groups, authorizations and Tasklist filters, the first rule-set version. Two nodes doing that at once (two hosts
 * booting together) collide: Camunda's schema creation fails on one of them with a duplicate key. So a node holds a
 * PostgreSQL advisory lock from the moment its data source exists until it is ready, and another node starting
 * meanwhile waits for it. The lock is held on a connection of its own, outside the pool (whose leak detection would
 * report a connection held through the start); it ends with that connection, so a node that dies while starting
 * releases it too. H2 serves one node only and needs none of this.
 */
@Component
class StartUpLock implements BeanPostProcessor, EnvironmentAware, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartUpLock.class);
    /** Any number that no other advisory lock on the database uses: "crmflow" in ASCII. */
    private static final long LOCK_KEY = 0x63726d666c6f77L;

    private Environment environment;
    private Connection holder;
    private boolean taken;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !taken) {
            taken = true;
            String url = environment.getProperty("spring.datasource.url", "");
            if (url.startsWith("jdbc:postgresql:")) {
                holder = lock(url, environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
            }
        }
        return bean;
    }

    private static Connection lock(String url, String user, String password) {
        try {
            Connection connection = DriverManager.getConnection(url, user, password);
            if (!query(connection, "select pg_try_advisory_lock(?)")) {
                log.info("Another node is starting on the same database; waiting until it is ready");
                query(connection, "select pg_advisory_lock(?) is not null");
            }
            return connection;
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not take the start-up lock on " + url, failure);
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        release();
    }

    private synchronized void release() {
        if (holder != null) {
            try {
                holder.close();
            } catch (SQLException failure) {
                // Closing the session is what releases the lock; a connection that fails to close is gone already.
                log.debug("Start-up lock connection did not close cleanly", failure);
            }
            holder = null;
        }
    }

    @Override
    public void destroy() {
        release();
    }
}
