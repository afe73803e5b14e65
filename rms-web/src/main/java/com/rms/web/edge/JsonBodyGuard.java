package com.rms.web.edge;

import com.rms.platform.error.PayloadTooLargeException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every JSON body once, before JSON-B binds it, and refuses what no field of the API can hold,
 * each with a 400 naming the field: nesting deeper than {@value #MAX_DEPTH}, arrays longer than the
 * documented limits ({@code lines} 200, {@code payments} 20, any other 500), strings longer than
 * {@value #MAX_STRING} characters, numbers of {@value #MAX_INTEGER_DIGITS} or more integer digits or
 * more than {@value #MAX_FRACTION_DIGITS} decimals (e.g. {@code 99999999999999999999}, {@code 1e400}) —
 * and card numbers in text (see {@link CardNumbers}), which must never be stored or logged. The
 * binder and the services then only ever see values of a size they can handle; the finer limits
 * (each column's length and scale) stay with the commands' own validation.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyGuard implements ReaderInterceptor {

    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 10_000;
    static final int MAX_ARRAY = 500;
    /** 19 integer digits cannot fit a long, nor any numeric column. */
    static final int MAX_INTEGER_DIGITS = 19;
    static final int MAX_FRACTION_DIGITS = 12;
    /** The documented array limits of the API by field name; every other array: {@value #MAX_ARRAY}. */
    static final Map<String, Integer> ARRAY_LIMITS = Map.of("lines", 200, "payments", 20);

    /** One factory for every body: {@code Json.createParser} looks the provider up on each call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    @Inject
    @ConfigProperty(name = "rms.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = readAtMost(context.getInputStream(), maxBodyBytes);
        if (body.length > 0) {
            scan(body);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type == null || "json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json");
    }

    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new PayloadTooLargeException("the request body is over the limit of " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Checks a JSON text; malformed JSON is left to the binder, which answers 400 for it. */
    static void scan(byte[] body) {
        Deque<Level> path = new ArrayDeque<>();
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            String key = null;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        Level parent = path.peek();
                        String field = parent == null ? "body" : parent.child(key);
                        if (parent != null) {
                            parent.count(field);
                        }
                        if (path.size() >= MAX_DEPTH) {
                            throw refused(field, "is nested deeper than " + MAX_DEPTH + " levels");
                        }
                        path.push(new Level(field, event == JsonParser.Event.START_ARRAY, key));
                        key = null;
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    case VALUE_STRING -> {
                        String field = at(path, key);
                        String value = parser.getString();
                        if (value.length() > MAX_STRING) {
                            throw refused(field, "must be at most " + MAX_STRING + " characters");
                        }
                        if (CardNumbers.contains(value) && !CardNumbers.isProductCode(lastName(path, key), value)) {
                            throw refused(field, "must not hold a card number: card data is taken only as a "
                                    + "provider's token");
                        }
                        key = null;
                    }
                    case VALUE_NUMBER -> {
                        checkNumber(at(path, key), parser.getString());
                        key = null;
                    }
                    default -> {
                        at(path, key);
                        key = null;
                    }
                }
            }
        } catch (JsonException malformed) {
            // not JSON (or not in an encoding JSON allows): the binder refuses it with the usual 400
        }
    }

    private static void checkNumber(String field, String text) {
        if (text.length() > 64) {
            throw refused(field, "is out of range");
        }
        BigDecimal number = new BigDecimal(text);
        int integerDigits = number.signum() == 0 ? 1 : number.precision() - number.scale();
        if (integerDigits >= MAX_INTEGER_DIGITS) {
            throw refused(field, "is out of range (at most " + (MAX_INTEGER_DIGITS - 1) + " digits before the point)");
        }
        if (number.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            throw refused(field, "has too many decimals (at most " + MAX_FRACTION_DIGITS + ")");
        }
    }

    /** The field name of the current value: its own key, or the enclosing array's name. */
    private static String lastName(Deque<Level> path, String key) {
        if (key != null) {
            return key;
        }
        Level level = path.peek();
        return level == null ? null : level.name;
    }

    /** The path of a scalar value, counting it as an element of the enclosing array. */
    private static String at(Deque<Level> path, String key) {
        Level parent = path.peek();
        if (parent == null) {
            return "body";
        }
        String field = parent.child(key);
        parent.count(field);
        return field;
    }

    private static ValidationException refused(String field, String message) {
        return new ValidationException("the request has invalid fields", List.of(new FieldError(field, message)));
    }

    /** An object or array being read: its path, and for an array its next index and limit. */
    private static final class Level {
        private final String path;
        private final boolean array;
        private final String name;
        private int size;

        Level(String path, boolean array, String name) {
            this.path = path;
            this.array = array;
            this.name = name;
        }

        String child(String key) {
            if (array) {
                return path + "[" + size + "]";
            }
            String prefix = "body".equals(path) ? "" : path + ".";
            return prefix + (key == null ? "?" : key);
        }

        void count(String field) {
            if (!array) {
                return;
            }
            size++;
            int limit = name == null ? MAX_ARRAY : ARRAY_LIMITS.getOrDefault(name, MAX_ARRAY);
            if (size > limit) {
                throw refused(path, "must hold at most " + limit + " items");
            }
        }
    }
}
