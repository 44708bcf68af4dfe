package vn.canhgac.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that parses but breaks one of the input rules every service shares (see {@link InputRules}); its
 * path in the document is filled in by Jackson on the way out, so the problem document names the field.
 */
public final class UnsafeInput extends MismatchedInputException {

    private final String messageKey;

    UnsafeInput(JsonParser parser, String messageKey, Class<?> type) {
        super(parser, messageKey, type);
        this.messageKey = messageKey;
    }

    /** The {@code field.*} message key that says what was wrong. */
    public String messageKey() {
        return messageKey;
    }
}
