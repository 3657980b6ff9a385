package dev.mapleak.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The parameters OperationsBenchmark and ChurnBenchmark add are checked before anything runs. */
class ParamDomainHistoryTest {

    @Test
    void historyNamesTheValidStates() {
        ParamDomain.check("history", "AFTER_DELETE");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParamDomain.check("history", "STALE"));
        assertEquals("unknown history 'STALE'; valid values: FRESH, AFTER_DELETE, RECLAIMED", e.getMessage());
    }

    @Test
    void roundsIsAWholeNumberNotBelowZero() {
        ParamDomain.check("rounds", "0");
        assertEquals("rounds must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> ParamDomain.check("rounds", "-1")).getMessage());
        assertEquals("rounds must be a whole number, got 'two'",
                assertThrows(IllegalArgumentException.class, () -> ParamDomain.check("rounds", "two")).getMessage());
    }
}
