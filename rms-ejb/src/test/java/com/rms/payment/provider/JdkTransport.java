package com.rms.payment.provider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP exchange of {@link RestClientTransport} done with the JDK's client, for tests outside the
 * server (the MicroProfile REST client needs the server's implementation; the ITs cover it). Same
 * contract: form-encoded POST, bearer key, Idempotency-Key, connection errors and attempt timeouts
 * as retryable failures, every HTTP status as a reply.
 */
final class JdkTransport implements StripeTransport {

    private final String base;
    private final String key;
    private final Duration readTimeout;
    private final HttpClient client;

    JdkTransport(String base, String key, Duration connectTimeout, Duration readTimeout) {
        this.base = base;
        this.key = key;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }

    @Override
    public Reply post(String path, Map<String, String> form, String idempotencyKey) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(readTimeout)
                .header("Authorization", "Bearer " + key).header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Stripe-Should-Retry").orElse(null));
        } catch (IOException e) {
            throw new ProviderUnavailableException("card provider unreachable: " + RestClientTransport.rootCause(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", false);
        }
    }
}
