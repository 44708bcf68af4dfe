package vn.canhgac.inventory.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.canhgac.commons.problem.DomainProblem;
import vn.canhgac.commons.text.TextInput;

/**
 * Reads a CycloneDX XML SBOM ({@code <bom xmlns="http://cyclonedx.org/schema/bom/1.x">}, any version) with the
 * JDK's streaming parser, handing over {@code metadata/component} and each top-level {@code components/component} as
 * the tree the JSON format gives for it ({@code components} nested inside a component become an array), so that
 * both formats are read by the same rules. No DTD and no external entity is ever resolved: a document that declares
 * a DTD is refused.
 */
final class CycloneDxXml {

    private static final String NAMESPACE = "http://cyclonedx.org/schema/bom/";
    private static final int MAX_DEPTH = 64;
    /** No field of a component is longer; a megabyte of text in one element is an attack, not an SBOM. */
    private static final int MAX_TEXT = 64 * 1024;

    private static final XMLInputFactory FACTORY = factory();

    private CycloneDxXml() {}

    static void read(InputStream body, Consumer<JsonNode> described, BiConsumer<JsonNode, String> component) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(body);
            try {
                if (xml.nextTag() != XMLStreamConstants.START_ELEMENT
                        || !"bom".equals(xml.getLocalName())
                        || xml.getNamespaceURI() == null
                        || !xml.getNamespaceURI().startsWith(NAMESPACE)) {
                    throw DomainProblem.invalidField("body", "cyclonedx-expected");
                }
                int index = 0;
                while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "metadata" -> {
                            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                                if ("component".equals(xml.getLocalName())) {
                                    described.accept(element(xml, 1));
                                } else {
                                    skip(xml);
                                }
                            }
                        }
                        case "components" -> {
                            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                                component.accept(element(xml, 1), "components[" + index++ + "]");
                            }
                        }
                        default -> skip(xml);
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | IllegalStateException e) {
            throw DomainProblem.invalidField("body", "cyclonedx-expected");
        }
    }

    /**
     * The element the reader is on, as JSON would write it: text alone is a string, child elements are fields,
     * {@code components} an array of its children. Attributes are left out (the rules read none).
     */
    private static JsonNode element(XMLStreamReader xml, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw DomainProblem.invalidField("body", "cyclonedx-expected");
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        StringBuilder text = new StringBuilder();
        boolean children = false;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children = true;
                String name = xml.getLocalName();
                if ("components".equals(name)) {
                    ArrayNode array = object.putArray("components");
                    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        array.add(element(xml, depth + 2));
                    }
                } else {
                    object.set(name, element(xml, depth + 1));
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
                if (text.length() > MAX_TEXT) {
                    throw DomainProblem.invalidField("body", "cyclonedx-expected");
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (!TextInput.isClean(text.toString())) {
                    throw DomainProblem.invalidField("body", "bad-characters");
                }
                return children
                        ? object
                        : JsonNodeFactory.instance.textNode(text.toString().strip());
            }
        }
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
