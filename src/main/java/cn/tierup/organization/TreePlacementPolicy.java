package cn.tierup.organization;

import cn.tierup.shared.DomainException;

/**
 * Where an organisation may stand in the tree: under an active organisation of a kind that has
 * organisations under it (not a 党支部), and never under itself or its own descendants.
 */
public final class TreePlacementPolicy {

    private TreePlacementPolicy() {
    }

    public static void checkParent(Organization parent, Organization moving) {
        if (parent == null) {
            throw new DomainException("org.parent.required");
        }
        if (parent.isRetired()) {
            throw new DomainException("org.parent.retired", parent.getName());
        }
        if (!parent.getKind().mayHaveChildren()) {
            throw new DomainException("org.parent.isBranch", parent.getName());
        }
    }

    public static void checkMove(Organization moving, Organization newParent) {
        checkParent(newParent, moving);
        if (moving.getParentId() == null) {
            throw new DomainException("org.move.root");
        }
        if (moving.covers(newParent)) {
            throw new DomainException("org.move.intoOwnSubtree");
        }
        if (moving.isRetired()) {
            throw new DomainException("org.move.retired");
        }
        if (newParent.getId().equals(moving.getParentId())) {
            throw new DomainException("org.move.sameParent");
        }
    }
}
