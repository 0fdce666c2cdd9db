package cn.tierup.questionnaire;

import java.util.Set;

/**
 * The notice's quotas: a town at least 100 respondents (200 for 天彭, 致和, 濛阳, 丽春), 党员:群众 7:3;
 * the 机关工委 at least 200 and the named departments at least 50, 8:2. Other organisations take 50 and
 * 7:3 (villages, communities) or 8:2 (agencies and institutions). Set at launch; editable.
 */
public final class QuotaPolicy {

    private static final Set<String> LARGE_TOWNS = Set.of("天彭", "致和", "濛阳", "丽春");

    public record Quota(int minimum, int memberShare) {
    }

    /** 民主测评: at least 50 evaluators from the named groups. */
    public static final Quota APPRAISAL = new Quota(50, 0);

    private QuotaPolicy() {
    }

    public static Quota defaults(String organizationName, String field, boolean hasChildren) {
        String name = organizationName == null ? "" : organizationName;
        if ("TOWN".equals(field)) {
            boolean large = LARGE_TOWNS.stream().anyMatch(name::contains);
            return new Quota(large ? 200 : 100, 70);
        }
        if ("AGENCY".equals(field) || "INSTITUTION".equals(field) || "STATE_ENTERPRISE".equals(field)
                || "SCHOOL".equals(field) || "HEALTH".equals(field) || "CULTURE".equals(field)) {
            return new Quota(name.contains("机关工作委员会") ? 200 : 50, 80);
        }
        if ("PRIVATE_ENTERPRISE".equals(field) || "SOCIAL_ORGANIZATION".equals(field)) {
            return new Quota(50, 80);
        }
        return new Quota(50, 70);
    }
}
