package org.sansdk.pacemaker.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sansdk.pacemaker.internal.Attributes;

/**
 * A generic, immutable XML element: how the SDK keeps CIB or crm_mon elements it has no typed record for,
 * so that nothing read from a cluster is silently dropped.
 *
 * <p>Usage: {@code cib.configuration().unknown().forEach(e -> System.out.println(e.name()));}
 *
 * @param name       element name
 * @param attributes attributes in document order
 * @param children   child elements in document order
 * @param text       trimmed text content (empty when none)
 * @param line       1-based source line where the element starts (0 when built in code)
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text, int line) {

    /** Validates and copies. Usage: {@code new XmlElement("tag", Map.of(), List.of(), "", 0)}. */
    public XmlElement {
        Objects.requireNonNull(name, "name");
        attributes = Attributes.copyOf(attributes);
        children = children == null ? List.of() : List.copyOf(children);
        text = text == null ? "" : text;
    }

    /** Equality ignores the source line. Usage: {@code a.equals(b)}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof XmlElement e && e.name.equals(name) && e.attributes.equals(attributes)
                && e.children.equals(children) && e.text.equals(text);
    }

    /** Hash without the source line. Usage: {@code e.hashCode()}. */
    @Override
    public int hashCode() {
        return Objects.hash(name, attributes, children, text);
    }

    /** Builds an element without children. Usage: {@code XmlElement.of("node", Map.of("id", "1"))}. */
    public static XmlElement of(String name, Map<String, String> attributes) {
        return new XmlElement(name, attributes, List.of(), "", 0);
    }

    /** An attribute value. Usage: {@code e.attr("id").orElse("?")}. */
    public Optional<String> attr(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** An attribute value or null (internal mapping helper). Usage: {@code e.get("id")}. */
    public String get(String key) {
        return attributes.get(key);
    }

    /** Direct children with that name. Usage: {@code e.children("nvpair")}. */
    public List<XmlElement> children(String childName) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first direct child with that name. Usage: {@code e.child("operations")}. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
