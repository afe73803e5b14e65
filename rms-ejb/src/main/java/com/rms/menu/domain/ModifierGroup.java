package com.rms.menu.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A choice the guest makes about an item ("Size", "Extras"): between min and max of its modifiers. */
@Entity
@Table(name = "modifier_group")
public class ModifierGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rmsIds")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "min_choices", nullable = false)
    private int minChoices;

    @Column(name = "max_choices", nullable = false)
    private int maxChoices;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "group_id", nullable = false)
    @OrderBy("sortOrder")
    private List<Modifier> modifiers = new ArrayList<>();

    protected ModifierGroup() {
    }

    public ModifierGroup(String name, int minChoices, int maxChoices, int sortOrder, List<Modifier> modifiers) {
        if (minChoices < 0 || maxChoices < minChoices || maxChoices > modifiers.size()) {
            throw new IllegalArgumentException("choices must satisfy 0 <= min <= max <= number of modifiers");
        }
        this.name = name;
        this.minChoices = minChoices;
        this.maxChoices = maxChoices;
        this.sortOrder = sortOrder;
        this.modifiers.addAll(modifiers);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getMinChoices() {
        return minChoices;
    }

    public int getMaxChoices() {
        return maxChoices;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public List<Modifier> getModifiers() {
        return List.copyOf(modifiers);
    }
}
