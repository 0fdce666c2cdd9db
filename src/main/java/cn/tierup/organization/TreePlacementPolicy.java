package cn.tierup.organization;

import cn.tierup.shared.Decision;

/**
 * Where an organisation may stand in the tree: under an active organisation of a kind that has
 * organisations under it (not a 党支部), and never under itself or its own descendants. It answers a
 * {@link Decision}, so the form's action and the spreadsheet import's preview apply the same rule.
 */
public final class TreePlacementPolicy {

    private TreePlacementPolicy() {
    }

    /** May something be placed under {@code parent}? */
    public static Decision parent(Organization parent) {
        if (parent == null) {
            return Decision.refused("org.parent.required");
        }
        return parent(parent.getName(), parent.getKind(), parent.isRetired());
    }

    /**
     * The same rule on the facts alone, for a parent that exists only as a row of an import file so far
     * ({@code retired} is false for those).
     */
    public static Decision parent(String parentName, OrgKind parentKind, boolean retired) {
        if (retired) {
            return Decision.refused("org.parent.retired", parentName);
        }
        if (parentKind == null || !parentKind.mayHaveChildren()) {
            return Decision.refused("org.parent.isBranch", parentName);
        }
        return Decision.allowed();
    }

    /** May {@code moving} move, with its subtree, under {@code newParent}? */
    public static Decision move(Organization moving, Organization newParent) {
        return parent(newParent).and(() -> {
            if (moving.getParentId() == null) {
                return Decision.refused("org.move.root");
            }
            if (moving.covers(newParent)) {
                return Decision.refused("org.move.intoOwnSubtree");
            }
            if (moving.isRetired()) {
                return Decision.refused("org.move.retired");
            }
            if (newParent.getId().equals(moving.getParentId())) {
                return Decision.refused("org.move.sameParent");
            }
            return Decision.allowed();
        });
    }

    public static void checkParent(Organization parent) {
        parent(parent).orThrow();
    }

    public static void checkMove(Organization moving, Organization newParent) {
        move(moving, newParent).orThrow();
    }
}
