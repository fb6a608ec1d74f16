package org.sansdk.pacemaker.cib;

import java.util.List;

/**
 * An ACL element (read): {@code acl_target}, {@code acl_group}, {@code acl_user} or {@code acl_role}.
 * Usage: {@code acl.kind().equals("acl_role")}.
 *
 * @param kind        element name
 * @param id          id
 * @param roles       role ids referenced (targets/groups)
 * @param permissions permissions (roles and legacy users)
 */
public record AclEntry(String kind, String id, List<String> roles, List<Permission> permissions) {
    /** Copies. Usage: see type. */
    public AclEntry {
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
    }

    /**
     * An {@code <acl_permission>} (or legacy read/write/deny element).
     * Usage: {@code p.kind()}.
     *
     * @param id        id
     * @param kind      read, write or deny
     * @param xpath     xpath or null
     * @param reference reference or null
     * @param attribute attribute or null
     */
    public record Permission(String id, String kind, String xpath, String reference, String attribute) {
    }
}
