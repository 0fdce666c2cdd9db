package cn.tierup.grading.web;

import cn.tierup.grading.GradeBand;
import cn.tierup.grading.MeetingRecord;
import cn.tierup.grading.ScoreSheet;
import cn.tierup.grading.Step;
import cn.tierup.shared.DomainException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.WebRequest;

/**
 * The forms of an organisation's grading page that the JSON API's records do not fit (the page sends the
 * votes and scores as indexed fields), and what every such form shares: a value that does not read is
 * refused with the forms' usual sentence, and a refused form comes back as typed.
 */
final class CaseForms {

    private CaseForms() {
    }

    /** Step 1 or 2: the meeting and the votes per grade, in the standard's order of grades; blank counts as none. */
    record ReviewForm(LocalDate heldOn, String place, Integer expected, Integer attendance, List<Integer> votes) {

        MeetingRecord record(List<GradeBand> grades) {
            Map<String, Integer> byGrade = new LinkedHashMap<>();
            for (int i = 0; i < grades.size(); i++) {
                Integer n = votes == null || i >= votes.size() ? null : votes.get(i);
                byGrade.put(grades.get(i).name(), n == null ? 0 : n);
            }
            return new MeetingRecord(heldOn, place, expected, attendance, byGrade);
        }
    }

    /** Step 3's score sheet: scores keyed "dimension.criterion" (blank ones left out) and the vetoes ticked. */
    record SheetForm(Map<String, Integer> scores, Set<Integer> veto, String annualAssessment, Long version) {

        ScoreSheet sheet() {
            Map<String, Integer> given = new HashMap<>();
            if (scores != null) {
                scores.forEach((key, n) -> {
                    if (n != null) {
                        given.put(key, n);
                    }
                });
            }
            return new ScoreSheet(given, veto == null ? Set.of() : new TreeSet<>(veto));
        }

        /** The version the page was rendered at; a page that sends none is taken as the first. */
        long versionSeen() {
            return version == null ? 0 : version;
        }
    }

    /** The authority sends the case back to step {@code to}. */
    record ReopenForm(String to, String reason) {

        Step step() {
            try {
                return Step.valueOf(to == null ? "" : to);
            } catch (IllegalArgumentException e) {
                throw new DomainException("reopen.step");
            }
        }
    }

    /**
     * Refuses a form whose numbers or dates did not read ("请输入整数", "日期格式不正确"), or that misses a
     * value the form always carries, before anything is done with it.
     */
    static void requireRead(BindingResult binding) {
        for (FieldError e : binding.getFieldErrors()) {
            if (e.isBindingFailure()) {
                boolean date = Arrays.stream(e.getCodes() == null ? new String[0] : e.getCodes())
                        .anyMatch(c -> c.endsWith(LocalDate.class.getName()));
                throw new DomainException(date ? "field.date" : "field.number");
            }
        }
        if (binding.hasErrors()) {
            throw new DomainException("field.required");
        }
    }

    /** What was typed into the form sent, field by field, to put back beside the reason it was refused. */
    static Map<String, String> typed(WebRequest request) {
        Map<String, String> out = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> out.put(name, values.length == 0 ? null : values[0]));
        return out;
    }
}
