package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * A {@code <rule>}: expressions joined by {@code boolean-op}, with a score for location rules.
 * Usage: {@code Rule.unameEquals("ban-quorum-rule", "-INFINITY", "quorum")}.
 *
 * @param id             XML id (null when idRef used)
 * @param idRef          id-ref or null
 * @param score          score (location rules) or null
 * @param scoreAttribute score-attribute or null
 * @param booleanOp      and/or (null = and)
 * @param role           role or null
 * @param expressions    conditions
 */
public record Rule(String id, String idRef, String score, String scoreAttribute, String booleanOp, String role,
                   List<RuleExpression> expressions) implements RuleExpression {
    /** Copies. Usage: see type. */
    public Rule {
        expressions = List.copyOf(expressions);
    }

    /** All expressions, nested rules' ones included (the nested rules themselves too). Usage: {@code rule.flatten()}. */
    public List<RuleExpression> flatten() {
        List<RuleExpression> out = new java.util.ArrayList<>();
        for (RuleExpression e : expressions) {
            out.add(e);
            if (e instanceof Rule r) {
                out.addAll(r.flatten());
            }
        }
        return out;
    }

    /** The rule {@code #uname eq NODE} with a score. Usage: {@code Rule.unameEquals("r1", "-INFINITY", "quorum")}. */
    public static Rule unameEquals(String id, String score, String node) {
        return new Rule(id, null, score, null, null, null,
                List.of(new AttributeExpression(id + "-expr", "#uname", "eq", node, null, null)));
    }
}
