package cn.tierup.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's mapping of {@code @RequestMapping} methods, which finds the method for an address with a variable
 * ({@code /q/{slug}}, {@code /orgs/12}) among only the mappings that could take its first path segment. Spring looks
 * such an address up in every one of the application's mappings (about 450), checking method, headers, consumes and
 * produces before the path of each: in QuestionnaireSubmitBenchmark that lookup was half the server's CPU time per
 * answer. A mapping whose patterns all begin with a literal segment can only take addresses beginning with it, so the
 * mappings are grouped by that segment (those beginning with a variable or wildcard go with every group).
 *
 * <p>The answer is the one Spring would give: the same candidates that could match, the same comparison, and
 * everything else — an address Spring finds without a scan (no variables), no match at all (404, 405, 415 are
 * worked out from every mapping), two equally good matches, a CORS pre-flight, a first segment with {@code %} or
 * {@code ;} (matched after decoding) — is left to Spring's own lookup.
 */
class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

    /** The mappings by their first literal segment; {@code ""} holds those that may begin with anything. */
    private volatile Index index;

    private record Candidate(RequestMappingInfo info, HandlerMethod method) {
    }

    private record Index(Set<String> directPaths, Map<String, List<Candidate>> bySegment, List<Candidate> anySegment) {
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index idx = index();
        String segment = firstSegment(lookupPath);
        if (segment == null || idx.directPaths().contains(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<Candidate> matches = new ArrayList<>(2);
        addMatches(idx.bySegment().getOrDefault(segment, List.of()), matches, request);
        addMatches(idx.anySegment(), matches, request);
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Candidate best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> order = getMappingComparator(request);
            matches.sort((a, b) -> order.compare(a.info(), b.info()));
            best = matches.get(0);
            if (order.compare(best.info(), matches.get(1).info()) == 0) {
                // Spring's own lookup names both in its error
                return super.lookupHandlerMethod(lookupPath, request);
            }
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.method());
        handleMatch(best.info(), lookupPath, request);
        return best.method();
    }

    private void addMatches(List<Candidate> candidates, List<Candidate> matches, HttpServletRequest request) {
        for (Candidate c : candidates) {
            RequestMappingInfo match = getMatchingMapping(c.info(), request);
            if (match != null) {
                matches.add(new Candidate(match, c.method()));
            }
        }
    }

    /** The address's first segment, or null where it may match a literal only after decoding. */
    static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        String segment = end < 0 ? path.substring(start) : path.substring(start, end);
        return segment.indexOf('%') >= 0 || segment.indexOf(';') >= 0 ? null : segment;
    }

    /** A pattern's first segment when it is literal, else null (a variable, a wildcard, or no path at all). */
    static String literalFirstSegment(String pattern) {
        if (pattern.isEmpty()) {
            return null;
        }
        String segment = firstSegment(pattern);
        if (segment == null || segment.isEmpty() || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0
                || segment.indexOf('?') >= 0) {
            return null;
        }
        return segment;
    }

    private Index index() {
        Index idx = index;
        if (idx == null) {
            idx = build();
            index = idx;
        }
        return idx;
    }

    private Index build() {
        Set<String> direct = new HashSet<>();
        Map<String, List<Candidate>> bySegment = new HashMap<>();
        List<Candidate> any = new ArrayList<>();
        getHandlerMethods().forEach((info, method) -> {
            direct.addAll(getDirectPaths(info));
            Set<String> segments = new HashSet<>();
            boolean anything = info.getPatternValues().isEmpty();
            for (String pattern : info.getPatternValues()) {
                String s = literalFirstSegment(pattern);
                if (s == null) {
                    anything = true;
                } else {
                    segments.add(s);
                }
            }
            Candidate c = new Candidate(info, method);
            if (anything) {
                any.add(c);
            } else {
                segments.forEach(s -> bySegment.computeIfAbsent(s, k -> new ArrayList<>()).add(c));
            }
        });
        return new Index(Set.copyOf(direct), Map.copyOf(bySegment), List.copyOf(any));
    }

    // a mapping added or removed at run time makes the index be built again

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }
}
