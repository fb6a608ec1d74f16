package org.sansdk.cluster.design;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.sansdk.core.IpCidr;

/**
 * One client VLAN: its VLAN id, subnet and MTU, the floating address (VIP) its services bind to, the services,
 * and for iSCSI the TPG's access mode and the dataset (relative to the pool) whose zvols it exports. Its position
 * in the design's list is its TPG tag (append new VLANs at the end).
 * Usage: {@code ClientVlanSpec.builder("hypervisor", 40).subnet("10.40.40.0/24").mtu(9000).vip("10.40.40.10/24")
 *        .services(ClientService.ISCSI).access(new IscsiAccess.GenerateNodeAcls(Optional.empty())).dataset("iscsi/hypervisor").build()}.
 *
 * @param name     the VLAN's name (VIP resource {@code vip-NAME}, backstore prefix)
 * @param id       802.1Q VLAN id
 * @param subnet   the VLAN's subnet
 * @param mtu      its MTU
 * @param vip      the floating address with its prefix
 * @param port     the iSCSI portal port (3260)
 * @param services the services offered
 * @param access   how iSCSI initiators get in ({@link IscsiAccess#none()} without iSCSI)
 * @param dataset  the zvol dataset relative to the pool ({@code iscsi/hypervisor}), iSCSI only
 */
public record ClientVlanSpec(String name, int id, IpCidr subnet, int mtu, IpCidr vip, int port, Set<ClientService> services,
                             IscsiAccess access, Optional<String> dataset) {
    /** Copies (services in enum order). Usage: see {@link #builder(String, int)}. */
    public ClientVlanSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(vip, "vip");
        services = Collections.unmodifiableSet(services.isEmpty() ? EnumSet.noneOf(ClientService.class) : EnumSet.copyOf(services));
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(dataset, "dataset");
    }

    /** Starts a builder (MTU 1500, port 3260, no services, no iSCSI access). Usage: {@code ClientVlanSpec.builder("enduser", 30)}. */
    public static Builder builder(String name, int id) {
        return new Builder(name, id);
    }

    /** Whether the VLAN offers a service. Usage: {@code v.offers(ClientService.ISCSI)}. */
    public boolean offers(ClientService service) {
        return services.contains(service);
    }

    ClientVlanSpec mapSecrets(UnaryOperator<DesignSecret> f) {
        IscsiAccess mapped = access instanceof IscsiAccess.GenerateNodeAcls g
                ? new IscsiAccess.GenerateNodeAcls(g.chap().map(c -> c.mapSecrets(f)))
                : new IscsiAccess.Acls(((IscsiAccess.Acls) access).entries().stream().map(e -> e.mapSecrets(f)).toList());
        return new ClientVlanSpec(name, id, subnet, mtu, vip, port, services, mapped, dataset);
    }

    /** Builder. Usage: see {@link ClientVlanSpec#builder(String, int)}. */
    public static final class Builder {
        private final String name;
        private final int id;
        private IpCidr subnet;
        private int mtu = 1500;
        private IpCidr vip;
        private int port = 3260;
        private final Set<ClientService> services = EnumSet.noneOf(ClientService.class);
        private IscsiAccess access = IscsiAccess.none();
        private String dataset;

        private Builder(String name, int id) {
            this.name = name;
            this.id = id;
        }

        /** The subnet. Usage: {@code b.subnet("10.30.30.0/24")}. */
        public Builder subnet(String cidr) {
            this.subnet = IpCidr.parse(cidr);
            return this;
        }

        /** The subnet. Usage: {@code b.subnet(IpCidr.parse("10.30.30.0/24"))}. */
        public Builder subnet(IpCidr cidr) {
            this.subnet = cidr;
            return this;
        }

        /** The MTU. Usage: {@code b.mtu(9000)}. */
        public Builder mtu(int value) {
            this.mtu = value;
            return this;
        }

        /** The VIP with its prefix. Usage: {@code b.vip("10.30.30.10/24")}. */
        public Builder vip(String cidr) {
            this.vip = IpCidr.parse(cidr);
            return this;
        }

        /** The VIP with its prefix. Usage: {@code b.vip(IpCidr.parse("10.30.30.10/24"))}. */
        public Builder vip(IpCidr cidr) {
            this.vip = cidr;
            return this;
        }

        /** The iSCSI portal port. Usage: {@code b.port(3260)}. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** Adds services. Usage: {@code b.services(ClientService.NFS, ClientService.SMB)}. */
        public Builder services(ClientService... s) {
            services.addAll(List.of(s));
            return this;
        }

        /** The iSCSI access mode. Usage: {@code b.access(new IscsiAccess.Acls(entries))}. */
        public Builder access(IscsiAccess value) {
            this.access = value;
            return this;
        }

        /** The zvol dataset relative to the pool. Usage: {@code b.dataset("iscsi/hypervisor")}. */
        public Builder dataset(String relative) {
            this.dataset = relative;
            return this;
        }

        /** Builds (consistency is checked by {@link SanDesign.Builder#build()}). Usage: {@code b.build()}. */
        public ClientVlanSpec build() {
            return new ClientVlanSpec(name, id, subnet, mtu, vip, port, services, access, Optional.ofNullable(dataset));
        }
    }
}
