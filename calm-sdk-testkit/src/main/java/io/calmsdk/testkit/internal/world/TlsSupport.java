package io.calmsdk.testkit.internal.world;

import io.calmsdk.testkit.internal.x509.CertificateAuthority;
import java.net.URI;
import java.util.function.Function;

/**
 * Lazily creates the certificate authority and starts the mutual-TLS token endpoint the first time
 * something needs them, so that a simulator that never issues X.509 credentials starts without
 * generating CA keys.
 */
public final class TlsSupport {

    private final Function<CertificateAuthority, URI> endpointStarter;
    private CertificateAuthority authority;
    private URI certUrl;

    /**
     * Creates the support.
     *
     * @param endpointStarter starts the mutual-TLS XSUAA host with the CA's server context, returns its URL
     */
    public TlsSupport(Function<CertificateAuthority, URI> endpointStarter) {
        this.endpointStarter = endpointStarter;
    }

    /** @return the CA, created on first use */
    public synchronized CertificateAuthority authority() {
        if (authority == null) {
            authority = new CertificateAuthority();
        }
        return authority;
    }

    /** @return the mutual-TLS token endpoint base URL ({@code uaa.certurl}), started on first use */
    public synchronized URI certUrl() {
        if (certUrl == null) {
            certUrl = endpointStarter.apply(authority());
        }
        return certUrl;
    }

    /** @return whether the mutual-TLS endpoint runs */
    public synchronized boolean started() {
        return certUrl != null;
    }
}
