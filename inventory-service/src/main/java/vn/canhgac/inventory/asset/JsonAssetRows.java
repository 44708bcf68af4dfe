package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.problem.DomainProblem.Violation;

/**
 * Assets from a JSON array of the same objects {@code POST /assets} takes, read one element at a time. An element
 * that does not bind (an unknown field, a wrong type) is an error of that row; broken JSON stops the import.
 */
final class JsonAssetRows implements Iterator<ImportRow>, AutoCloseable {

    private final JsonParser parser;
    private final ObjectReader reader;
    private JsonToken token;
    private long number;

    JsonAssetRows(ObjectMapper json, InputStream body) {
        try {
            this.parser = json.getFactory().createParser(body);
            this.reader = json.readerFor(AssetInput.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw DomainProblem.invalidField("body", "json-array-expected");
            }
            token = parser.nextToken();
        } catch (IOException e) {
            throw DomainProblem.invalidField("body", "json-array-expected");
        }
    }

    @Override
    public boolean hasNext() {
        return token != null && token != JsonToken.END_ARRAY;
    }

    @Override
    public ImportRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        number++;
        try {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                token = parser.nextToken();
                return new ImportRow(number, null, List.of(new Violation("", "json-object-expected")));
            }
            ObjectNode element = parser.readValueAsTree();
            token = parser.nextToken();
            try {
                return new ImportRow(number, reader.treeToValue(element, AssetInput.class), List.of());
            } catch (JsonMappingException e) {
                String field = e.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                return new ImportRow(
                        number,
                        null,
                        List.of(new Violation(
                                field, e instanceof UnrecognizedPropertyException ? "unknown" : "wrong-type")));
            }
        } catch (IOException e) {
            throw DomainProblem.invalidField("body", "malformed-json-row", number);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
