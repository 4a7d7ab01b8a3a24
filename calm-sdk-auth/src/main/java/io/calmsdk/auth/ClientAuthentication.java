package io.calmsdk.auth;

/**
 * How a client that has a client secret proves its identity to the token endpoint (RFC 6749, section
 * 2.3.1). XSUAA accepts both. Clients with an X.509 certificate authenticate through mutual TLS
 * instead and send only their {@code client_id}, whatever is chosen here.
 */
public enum ClientAuthentication {

    /**
     * {@code Authorization: Basic base64(clientid:clientsecret)}, with client id and secret as they are
     * (as XSUAA expects): the default, and the method RFC 6749 asks every server to support.
     */
    BASIC,

    /**
     * {@code client_id} and {@code client_secret} as form fields of the request body: what SAP's own clients
     * send (the Java token client, Node's {@code @sap/xssec}, the Cloud ALM Postman collection and notebooks),
     * and what servers or proxies that do not accept Basic authentication need.
     */
    FORM
}
