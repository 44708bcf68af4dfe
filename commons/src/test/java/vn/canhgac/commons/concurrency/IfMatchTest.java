package vn.canhgac.commons.concurrency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.canhgac.commons.problem.DomainProblem;

class IfMatchTest {

    @Test
    void acceptsTheCurrentTagStrongWeakOrAny() {
        assertDoesNotThrow(() -> IfMatch.require("\"3\"", 3));
        assertDoesNotThrow(() -> IfMatch.require("W/\"3\"", 3));
        assertDoesNotThrow(() -> IfMatch.require("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> IfMatch.require("*", 3));
    }

    @Test
    void aStaleTagIs412AndNoTagIs428() {
        assertEquals(
                412,
                assertThrows(DomainProblem.class, () -> IfMatch.require("\"2\"", 3))
                        .status());
        assertEquals(
                412,
                assertThrows(DomainProblem.class, () -> IfMatch.require("3", 3)).status());
        assertEquals(
                428,
                assertThrows(DomainProblem.class, () -> IfMatch.require(null, 3))
                        .status());
        assertEquals(
                428,
                assertThrows(DomainProblem.class, () -> IfMatch.require(" ", 3)).status());
    }
}
