package com.rms.menu.application;

import jakarta.persistence.EntityManager;

/** The tenant's menu revision: bumped in every transaction that changes what any outlet sells. */
final class MenuRevision {

    private MenuRevision() {
    }

    static void bump(EntityManager em) {
        em.flush();
        em.createNativeQuery("update menu_revision set revision = revision + 1 where id = 1").executeUpdate();
    }
}
