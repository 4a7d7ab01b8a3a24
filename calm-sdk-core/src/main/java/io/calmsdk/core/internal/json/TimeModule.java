package io.calmsdk.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.calmsdk.core.internal.text.IsoTimes;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The {@code java.time} types the SDK's models and wire formats use, without {@code jackson-datatype-jsr310}
 * (one jar less in every application's closure). Written as ISO-8601 text, read as the services send them:
 *
 * <ul>
 *   <li>{@link Instant}: ISO-8601 with {@code Z} or any offset; a JSON number is epoch seconds, with a
 *       fraction for nanoseconds (as jsr310 reads it);
 *   <li>{@link OffsetDateTime}, {@link ZonedDateTime}: ISO-8601 with offset (a number as for instants, at UTC);
 *   <li>{@link LocalDate}: {@code 2026-12-03}; a date-time text gives its date; {@code [2026,12,3]} too;
 *   <li>{@link LocalDateTime}: ISO-8601 without offset, or {@code [y,m,d,h,min,s,nanos]};
 *   <li>{@link Duration}: ISO-8601 ({@code PT1.5S}); a number is seconds.
 * </ul>
 * An empty string reads as {@code null}, as jsr310 reads it. Anything else fails with the text and the type.
 */
final class TimeModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    TimeModule() {
        super("calm-sdk-time");
        text(Instant.class, DateTimeFormatter.ISO_INSTANT::format, TimeModule::instant, TimeModule::epochSeconds);
        text(OffsetDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format, OffsetDateTime::parse,
                n -> epochSeconds(n).atOffset(ZoneOffset.UTC));
        text(ZonedDateTime.class, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format, ZonedDateTime::parse,
                n -> epochSeconds(n).atZone(ZoneOffset.UTC));
        text(Duration.class, Duration::toString, Duration::parse,
                n -> Duration.ofSeconds(0, n.movePointRight(9).longValueExact()));
        text(LocalDate.class, DateTimeFormatter.ISO_LOCAL_DATE::format, TimeModule::localDate, null);
        text(LocalDateTime.class, DateTimeFormatter.ISO_LOCAL_DATE_TIME::format, LocalDateTime::parse, null);
    }

    private <T> void text(Class<T> type, Function<T, String> writer, Function<String, T> reader,
            Function<BigDecimal, T> fromNumber) {
        addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(writer.apply(value));
            }
        });
        addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonToken token = p.currentToken();
                try {
                    if (token == JsonToken.VALUE_STRING) {
                        String text = p.getText().trim();
                        return text.isEmpty() ? null : reader.apply(text);
                    }
                    if (token.isNumeric() && fromNumber != null) {
                        return fromNumber.apply(p.getDecimalValue());
                    }
                    if (token == JsonToken.START_ARRAY && (type == LocalDate.class || type == LocalDateTime.class)) {
                        return type.cast(fromArray(p, ctxt, type));
                    }
                } catch (DateTimeException | ArithmeticException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, p.getText(), "not an ISO-8601 %s (%s)",
                            type.getSimpleName(), e.getMessage()));
                }
                return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
        });
    }

    private static Instant instant(String text) {
        Instant fast = IsoTimes.instant(text, true);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValue());
    }

    /** A date, or the date of a date-time text (some services send midnight timestamps for dates). */
    private static LocalDate localDate(String text) {
        LocalDate fast = IsoTimes.date(text);
        if (fast != null && (text.length() == 10 || IsoTimes.instant(text, false) != null)) {
            return fast;
        }
        if (text.length() > 10 && text.charAt(10) == 'T') {
            try {
                return OffsetDateTime.parse(text).toLocalDate();
            } catch (DateTimeException withoutOffset) {
                return LocalDateTime.parse(text).toLocalDate();
            }
        }
        return LocalDate.parse(text);
    }

    private static Object fromArray(JsonParser p, DeserializationContext ctxt, Class<?> type) throws IOException {
        int[] parts = new int[7];
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (n == parts.length || !p.currentToken().isNumeric()) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            parts[n++] = p.getIntValue();
        }
        if (type == LocalDate.class) {
            return n == 3 ? LocalDate.of(parts[0], parts[1], parts[2]) : ctxt.handleUnexpectedToken(type, p);
        }
        return n >= 5 ? LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6])
                : ctxt.handleUnexpectedToken(type, p);
    }
}
