package dev.mapleak.run;

import dev.mapleak.lifecycle.History;
import dev.mapleak.lifecycle.KeyOrder;
import dev.mapleak.lifecycle.Lifecycle;
import dev.mapleak.lifecycle.Strategy;
import dev.mapleak.folder.Storage;
import dev.mapleak.subject.Subject;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What each benchmark parameter may hold, checked before anything runs. A parameter a benchmark declares
 * but this class does not know is accepted as the benchmark declares it (JMH checks it in the fork).
 */
final class ParamDomain {

    private static final Map<String, Consumer<String>> CHECKS = Map.of(
            "subject", Subject::parse,
            "valueSize", v -> Subject.checkValueSize(parseInt("valueSize", v)),
            "entries", v -> {
                if (parseInt("entries", v) < 1) {
                    throw new IllegalArgumentException("entries must be >= 1, got " + v);
                }
            },
            "deleteFraction", v -> Lifecycle.checkDeleteFraction(parseDouble("deleteFraction", v)),
            "strategy", Strategy::parse,
            "keys", v -> enumValue(KeyOrder.class, "keys", v),
            "history", v -> enumValue(History.class, "history", v),
            "storage", v -> enumValue(Storage.class, "storage", v),
            "rounds", v -> {
                if (parseInt("rounds", v) < 0) {
                    throw new IllegalArgumentException("rounds must be >= 0, got " + v);
                }
            });

    private ParamDomain() {
    }

    /** Throws an {@link IllegalArgumentException} naming what is valid when {@code value} is not. */
    static void check(String param, String value) {
        Consumer<String> check = CHECKS.get(param);
        if (check != null) {
            check.accept(value);
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String param, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + param + " '" + value + "'; valid values: "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static int parseInt(String param, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param + " must be a whole number, got '" + value + "'");
        }
    }

    private static double parseDouble(String param, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param + " must be a number between 0 and 1, got '" + value + "'");
        }
    }
}
