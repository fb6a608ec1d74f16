package org.sansdk.pacemaker.cib;

/**
 * An {@code <expression>}: compares a node attribute (e.g. {@code #uname}) with a value.
 * Usage: {@code new AttributeExpression("ban-quorum-expr", "#uname", "eq", "quorum", null, null)}.
 *
 * @param id          XML id
 * @param attribute   node attribute name ({@code #uname}, {@code #id}, {@code #kind}, any node attribute)
 * @param operation   lt, gt, lte, gte, eq, ne, defined, not_defined
 * @param value       compared value (null for defined/not_defined)
 * @param type        string, integer, number, version (null = default)
 * @param valueSource literal, param, meta (null = literal)
 */
public record AttributeExpression(String id, String attribute, String operation, String value, String type,
                                  String valueSource) implements RuleExpression {
}
