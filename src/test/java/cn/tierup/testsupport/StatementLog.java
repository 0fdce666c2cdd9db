package cn.tierup.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL statements one thread prepares while it is recording: the application's DataSource is
 * wrapped so that every connection it hands out (to JPA and to JDBC alike) reports each
 * prepareStatement, prepareCall and createStatement, and the values bound to each prepared statement (the last
 * bound to each parameter before it ran), so that a benchmark can run the very statements again on a plain
 * connection. Import {@link Config} into a test's context.
 */
public final class StatementLog {

    private static final List<String> statements = new ArrayList<>();
    private static final List<Call> calls = new ArrayList<>();
    private static volatile Thread recording;

    private StatementLog() {
    }

    /** Runs {@code work} on this thread and returns it with the statements it prepared. */
    public static synchronized <T> Recorded<T> record(Supplier<T> work) {
        statements.clear();
        calls.clear();
        recording = Thread.currentThread();
        try {
            T result = work.get();
            return new Recorded<>(result, List.copyOf(statements), List.copyOf(calls));
        } finally {
            recording = null;
        }
    }

    private static Call seen(String sql) {
        if (Thread.currentThread() == recording) {
            statements.add(sql == null ? "<statement>" : sql);
            Call call = new Call(sql, new TreeMap<>());
            calls.add(call);
            return call;
        }
        return null;
    }

    /**
     * @param statements the SQL of each statement prepared, in order ({@code <statement>} for a plain one)
     * @param calls      the same with the values bound to each (none for a plain statement, whose SQL is null)
     */
    public record Recorded<T>(T result, List<String> statements, List<Call> calls) {
    }

    /**
     * A prepared statement and what was bound to it, by parameter index: the value of a {@code setXxx(i, value)},
     * or a {@link Null} of the SQL type of a {@code setNull(i, type)}.
     */
    public record Call(String sql, TreeMap<Integer, Object> parameters) {

        /** Binds the recorded values to a statement prepared from {@link #sql}. */
        public void bind(PreparedStatement ps) throws SQLException {
            for (var e : parameters.entrySet()) {
                if (e.getValue() instanceof Null n) {
                    ps.setNull(e.getKey(), n.sqlType());
                } else {
                    ps.setObject(e.getKey(), e.getValue());
                }
            }
        }
    }

    /** A parameter bound to SQL NULL. */
    public record Null(int sqlType) {
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
                Call call = switch (method.getName()) {
                    case "prepareStatement", "prepareCall" -> seen((String) args[0]);
                    case "createStatement" -> seen(null);
                    default -> null;
                };
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (call != null && call.sql() != null && result instanceof PreparedStatement ps) {
                    return bindings(ps, call, method.getReturnType());
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }

        /** A statement that notes each value bound to it in {@code call}. */
        private static Object bindings(PreparedStatement target, Call call, Class<?> type) {
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (args != null && args.length >= 2 && args[0] instanceof Integer i && name.startsWith("set")) {
                    call.parameters().put(i, name.equals("setNull") ? new Null((Integer) args[1]) : args[1]);
                } else if (name.equals("clearParameters")) {
                    call.parameters().clear();
                }
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return Proxy.newProxyInstance(StatementLog.class.getClassLoader(),
                    new Class<?>[] {type.isInterface() ? type : PreparedStatement.class}, handler);
        }
    }
}
