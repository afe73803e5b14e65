package com.rms.online.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An outlet's online-order settings, each optional ({@code null}: the default): minutes a RECEIVED
 * order waits for acceptance, and the preparation minutes a new order's estimated ready time counts on.
 */
@Entity
@Table(name = "online_outlet_setting")
public class OnlineOutletSetting {

    @Id
    @Column(name = "outlet_id")
    private long outletId;

    @Column(name = "accept_minutes")
    private Integer acceptMinutes;

    @Column(name = "ready_minutes")
    private Integer readyMinutes;

    protected OnlineOutletSetting() {
    }

    public OnlineOutletSetting(long outletId) {
        this.outletId = outletId;
    }

    public void set(Integer accept, Integer ready) {
        this.acceptMinutes = accept;
        this.readyMinutes = ready;
    }

    public long getOutletId() {
        return outletId;
    }

    public Integer getAcceptMinutes() {
        return acceptMinutes;
    }

    public Integer getReadyMinutes() {
        return readyMinutes;
    }
}
