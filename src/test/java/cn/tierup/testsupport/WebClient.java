package cn.tierup.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen, for tests over real HTTP on localhost: keeps cookies (one jar for every
 * port, like one host behind a load balancer), does not follow redirects, reads the CSRF token of a
 * page's forms.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET with HTTP Basic credentials and no cookies: the way the API and Actuator are used. */
    public HttpResponse<String> getBasic(String url, String username, String password) {
        return sendWithoutCookies(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", basic(username, password)));
    }

    public HttpResponse<String> postJsonBasic(String url, String json, String username, String password) {
        return sendWithoutCookies(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(username, password)));
    }

    public HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Opens the login page, posts the credentials with its CSRF token; returns the answer to the POST. */
    public HttpResponse<String> login(String base, String username, String password) {
        HttpResponse<String> page = get(base + "/login");
        if (page.statusCode() != 200) {
            throw new IllegalStateException("login page answered " + page.statusCode());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrfToken(page.body()));
        return postForm(base + "/login", form);
    }

    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no _csrf input on the page");
        }
        return m.group(1);
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = sendWithoutCookies(request);
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean expired = value.isEmpty() || set.toLowerCase().contains("max-age=0");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private HttpResponse<String> sendWithoutCookies(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
