-- The registry as the platform's OAuth2 / OIDC issuer (Spring Authorization Server's JDBC schema,
-- with PostgreSQL types), plus the registry's own records of clients, secrets, users and keys.

create table oauth2_registered_client (
    id                            varchar(100)  not null primary key,
    client_id                     varchar(100)  not null unique,
    client_id_issued_at           timestamptz   default current_timestamp not null,
    client_secret                 varchar(200)  default null,
    client_secret_expires_at      timestamptz   default null,
    client_name                   varchar(200)  not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000) default null,
    post_logout_redirect_uris     varchar(1000) default null,
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text default null,
    state                         varchar(500) default null,
    authorization_code_value      text default null,
    authorization_code_issued_at  timestamptz default null,
    authorization_code_expires_at timestamptz default null,
    authorization_code_metadata   text default null,
    access_token_value            text default null,
    access_token_issued_at        timestamptz default null,
    access_token_expires_at       timestamptz default null,
    access_token_metadata         text default null,
    access_token_type             varchar(100) default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text default null,
    oidc_id_token_issued_at       timestamptz default null,
    oidc_id_token_expires_at      timestamptz default null,
    oidc_id_token_metadata        text default null,
    refresh_token_value           text default null,
    refresh_token_issued_at       timestamptz default null,
    refresh_token_expires_at      timestamptz default null,
    refresh_token_metadata        text default null,
    user_code_value               text default null,
    user_code_issued_at           timestamptz default null,
    user_code_expires_at          timestamptz default null,
    user_code_metadata            text default null,
    device_code_value             text default null,
    device_code_issued_at         timestamptz default null,
    device_code_expires_at        timestamptz default null,
    device_code_metadata          text default null
);

create index oauth2_authorization_expiry on oauth2_authorization (access_token_expires_at);

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- Staff: coordinators, alliance managers, operators. Passwords are BCrypt hashes.
create table app_user (
    username      text        primary key,
    password_hash text        not null,
    roles         text[]      not null,
    hospital_code text,
    department    text,
    alliances     text[]      not null default '{}',
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    created_by    text        not null
);

-- Who a client speaks for: one hospital's HIS, or one user (a personal client for scripts).
create table api_client (
    client_id     text        primary key,
    kind          text        not null check (kind in ('HIS', 'PERSONAL')),
    hospital_code text,
    username      text        references app_user (username),
    created_at    timestamptz not null,
    created_by    text        not null,
    revoked_at    timestamptz,
    revoked_by    text,
    check ((kind = 'HIS' and hospital_code is not null) or (kind = 'PERSONAL' and username is not null))
);

create index api_client_hospital on api_client (hospital_code);

-- Secrets as BCrypt hashes; a rotated-out secret keeps working until expires_at.
create table client_secret (
    id          bigint generated always as identity primary key,
    client_id   text        not null references api_client (client_id),
    secret_hash text        not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    expires_at  timestamptz
);

create index client_secret_client on client_secret (client_id);

-- RSA keys the issuer signs with (the newest) and publishes (all not retired) on its JWK set.
create table signing_key (
    kid         text        primary key,
    private_key text        not null,
    public_key  text        not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);
