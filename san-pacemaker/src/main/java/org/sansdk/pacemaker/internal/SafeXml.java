package org.sansdk.pacemaker.internal;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sansdk.core.ParseException;
import org.sansdk.pacemaker.xml.XmlElement;

/**
 * Reads XML text into an {@link XmlElement} tree with the JDK's StAX reader, refusing any DOCTYPE
 * (so no external entity, no entity expansion bomb) and reporting errors as located {@link ParseException}s.
 *
 * <p>Usage: {@code XmlElement root = SafeXml.read("cibadmin -Q", text);}
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        return f;
    }

    /**
     * Parses a whole document into a tree.
     * Usage: {@code SafeXml.read("cib.xml", Files.readString(p))}.
     *
     * @throws ParseException on malformed XML, a DOCTYPE, or an empty document
     */
    public static XmlElement read(String source, String text) {
        if (text == null) {
            throw new ParseException(source, 1, 1, "", "an XML document");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(text));
            Deque<Builder> stack = new ArrayDeque<>();
            XmlElement root = null;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD:
                        throw fail(source, text, r.getLocation(), "an XML document without DOCTYPE (DTDs and entities are refused)", null);
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw fail(source, text, r.getLocation(), "no entity references other than the predefined XML ones", null);
                    case XMLStreamConstants.START_ELEMENT: {
                        if (root != null) {
                            throw fail(source, text, r.getLocation(), "a single root element", null);
                        }
                        int n = r.getAttributeCount();
                        Attributes.Builder attrs = new Attributes.Builder(n);
                        for (int i = 0; i < n; i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        stack.push(new Builder(r.getLocalName(), attrs.build(), r.getLocation().getLineNumber()));
                        break;
                    }
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA: {
                        Builder top = stack.peek();
                        if (top != null && !r.isWhiteSpace()) {
                            if (top.text == null) {
                                top.text = new StringBuilder();
                            }
                            top.text.append(r.getText());
                        }
                        break;
                    }
                    case XMLStreamConstants.END_ELEMENT: {
                        Builder b = stack.pop();
                        XmlElement e = b.build();
                        if (stack.isEmpty()) {
                            root = e;
                        } else {
                            Builder parent = stack.peek();
                            if (parent.children.isEmpty()) {
                                parent.children = new ArrayList<>(4);
                            }
                            parent.children.add(e);
                        }
                        break;
                    }
                    default:
                        break;
                }
            }
            if (root == null) {
                throw new ParseException(source, 1, 1, firstLine(text), "a root element");
            }
            return root;
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            String msg = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
            throw fail(source, text, loc, "well-formed XML (" + msg + ")", e);
        } catch (RuntimeException e) {
            if (e instanceof ParseException) {
                throw e;
            }
            // the JDK reader wraps some errors in unchecked exceptions
            throw new ParseException(source, 1, 1, firstLine(text), "well-formed XML (" + e + ")", e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release for a string reader
                }
            }
        }
    }

    /**
     * Builds a located {@link ParseException} for an element of a tree read from {@code text}.
     * Usage: {@code throw SafeXml.error(src, text, element, "an id attribute");}
     */
    public static ParseException error(String source, String text, XmlElement at, String expected) {
        int line = Math.max(1, at.line());
        return new ParseException(source, line, 1, ParseException.lineOf(text, line), expected);
    }


    private static ParseException fail(String source, String text, Location loc, String expected, Throwable cause) {
        int line = loc == null ? 1 : Math.max(1, loc.getLineNumber());
        int col = loc == null ? 1 : Math.max(1, loc.getColumnNumber());
        return cause == null
                ? new ParseException(source, line, col, ParseException.lineOf(text, line), expected)
                : new ParseException(source, line, col, ParseException.lineOf(text, line), expected, cause);
    }

    private static String firstLine(String text) {
        return ParseException.lineOf(text, 1);
    }

    private static final class Builder {
        final String name;
        final Attributes attrs;
        final int line;
        List<XmlElement> children = List.of();
        StringBuilder text;

        Builder(String name, Attributes attrs, int line) {
            this.name = name;
            this.attrs = attrs;
            this.line = line;
        }

        XmlElement build() {
            return new XmlElement(name, attrs, children, text == null ? "" : text.toString().trim(), line);
        }
    }
}
