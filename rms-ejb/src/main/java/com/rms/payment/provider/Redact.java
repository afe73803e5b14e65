package com.rms.payment.provider;

/** What may be shown of a secret in a log line or a message: never the secret itself. */
final class Redact {

    private Redact() {
    }

    /** {@code tok_visa} stays readable (test tokens are public); any other token shows its first four characters. */
    static String token(String token) {
        if (token == null) {
            return "null";
        }
        if (SandboxCardProvider.isTestToken(token)) {
            return token;
        }
        return (token.length() <= 4 ? "" : token.substring(0, 4)) + "…(" + token.length() + " chars)";
    }
}
