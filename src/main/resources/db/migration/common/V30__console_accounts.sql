-- Console accounts (serve): created with 'user add', checked at the console's login. Not granted
-- to campaign_analyst: it holds password hashes.
CREATE TABLE console_user (
    login          VARCHAR(64) PRIMARY KEY,
    password_hash  VARCHAR(100) NOT NULL,
    role           VARCHAR(10) NOT NULL CHECK (role IN ('operator', 'office', 'township')),
    township_code  VARCHAR(20),
    enabled        BOOLEAN DEFAULT TRUE NOT NULL,
    failed_logins  INT DEFAULT 0 NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT console_user_township CHECK ((role = 'township' AND township_code IS NOT NULL)
        OR (role <> 'township' AND township_code IS NULL))
);

COMMENT ON TABLE console_user IS 'Accounts of the web console (serve), made with the user command';
COMMENT ON COLUMN console_user.login IS 'Login name typed at /login (or sent with HTTP Basic to /api)';
COMMENT ON COLUMN console_user.password_hash IS 'BCrypt hash of the password; the password itself is never stored';
COMMENT ON COLUMN console_user.role IS 'operator (everything and the actions), office (reads everything), township (its own township)';
COMMENT ON COLUMN console_user.township_code IS 'The township a township account belongs to; NULL for the other roles';
COMMENT ON COLUMN console_user.enabled IS 'FALSE once disabled with user disable: the login is refused';
COMMENT ON COLUMN console_user.failed_logins IS 'Wrong passwords in a row since the last success';
COMMENT ON COLUMN console_user.locked_until IS 'Set after 5 wrong passwords in a row: logins are refused until then';
COMMENT ON COLUMN console_user.created_at IS 'When the account was made';
COMMENT ON COLUMN console_user.last_login_at IS 'The last successful login';
