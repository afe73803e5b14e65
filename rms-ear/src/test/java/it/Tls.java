package it;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A client for the test server's HTTPS port, whose certificate is self-signed: it trusts it and checks nothing else. */
public final class Tls {

    public static final String HTTPS = "https://localhost:" + System.getProperty("rms.https.port", "9443");

    private Tls() {
    }

    public static HttpClient client() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // what the tests check is the server's answers, not its certificate
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            SSLParameters noHostCheck = new SSLParameters();
            noHostCheck.setEndpointIdentificationAlgorithm("");
            return HttpClient.newBuilder().sslContext(tls).sslParameters(noHostCheck).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS client", e);
        }
    }
}
