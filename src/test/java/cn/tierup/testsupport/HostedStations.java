package cn.tierup.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 远程教育站点 part of a 自查报告 for an organisation that hosts stations (most demo villages and communities do):
 * one entry per station on its registry, every part written, so a test handing in a report says what a host must.
 */
public final class HostedStations {

    private HostedStations() {
    }

    /** The entries as the report API takes them, one per station the organisation hosts (none when it hosts none). */
    public static List<Map<String, Object>> entries(JdbcClient jdbc, long organizationId) {
        return jdbc.sql("select id from station where host_organization_id = :o and retired_on is null order by id")
                .param("o", organizationId).query(Long.class).list().stream().map(id -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("stationId", id);
                    e.put("operation", "站点每周二、周五开放，按月组织党员集中学习。");
                    e.put("staffing", "站点管理员一名，已参加镇里组织的培训。");
                    e.put("resources", "使用上级下发的课件，结合本村实际选学农业技术。");
                    e.put("funding", "运行维护经费由镇财政补助，基本够用。");
                    e.put("assessment", "建立了学习登记和季度考评制度。");
                    e.put("effect", "党员群众参学积极，学用结合效果较好。");
                    e.put("extension", "");
                    return e;
                }).toList();
    }

    /** The same as a JSON array, for tests that write their request bodies as text. */
    public static String json(JdbcClient jdbc, long organizationId) {
        return entries(jdbc, organizationId).stream().map(e -> e.entrySet().stream()
                        .map(f -> "\"" + f.getKey() + "\": " + (f.getValue() instanceof String s ? "\"" + s + "\"" : f.getValue()))
                        .collect(Collectors.joining(", ", "{", "}")))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
