package cn.tierup.testsupport;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo city as tests find their way in it: its well-known organisations by name and the demo
 * accounts' organisations. Lookups only; a test that changes the tree creates what it changes.
 */
@TestComponent
public class DemoCity {

    /** The root of the demo tree (the admin account's organisation). */
    public static final String CITY = "中共彭州市委员会";
    /** The town of the demo accounts zhen, cun and dangyuan. */
    public static final String LICHUN = "中共彭州市丽春镇委员会";

    private final JdbcClient jdbc;

    DemoCity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the one organisation with this full name. */
    public long orgId(String name) {
        return jdbc.sql("select id from organization where name = :n").param("n", name).query(Long.class).single();
    }

    /** The organisation a demo account belongs to, e.g. {@code orgOf("cun")} is a 丽春镇 village branch. */
    public long orgOf(String username) {
        return jdbc.sql("select organization_id from account where username = :u").param("u", username)
                .query(Long.class).single();
    }

    public String orgName(long id) {
        return jdbc.sql("select name from organization where id = :id").param("id", id).query(String.class).single();
    }
}
