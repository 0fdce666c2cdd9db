package cn.tierup.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL statements one thread prepares while it is recording: the application's DataSource is
 * wrapped so that every connection it hands out (to JPA and to JDBC alike) reports each
 * prepareStatement, prepareCall and createStatement. Import {@link Config} into a test's context.
 */
public final class StatementLog {

    private static final List<String> statements = new ArrayList<>();
    private static volatile Thread recording;

    private StatementLog() {
    }

    /** Runs {@code work} on this thread and returns it with the statements it prepared. */
    public static synchronized <T> Recorded<T> record(Supplier<T> work) {
        statements.clear();
        recording = Thread.currentThread();
        try {
            T result = work.get();
            return new Recorded<>(result, List.copyOf(statements));
        } finally {
            recording = null;
        }
    }

    private static void seen(String sql) {
        if (Thread.currentThread() == recording) {
            statements.add(sql == null ? "<statement>" : sql);
        }
    }

    public record Recorded<T>(T result, List<String> statements) {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor statementLoggingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource ds && !(bean instanceof Logging)) {
                        return new Logging(ds);
                    }
                    return bean;
                }
            };
        }
    }

    static final class Logging extends DelegatingDataSource implements AutoCloseable {

        Logging(DataSource target) {
            super(target);
        }

        /** The pool is still closed with the context. */
        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable c) {
                c.close();
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection target) {
            InvocationHandler handler = (proxy, method, args) -> {
                switch (method.getName()) {
                    case "prepareStatement", "prepareCall" -> seen((String) args[0]);
                    case "createStatement" -> seen(null);
                    default -> {
                    }
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }
    }
}
