#include "config/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "model/error.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {
// Sets an environment variable for the life of the object.
struct ScopedEnv {
    std::string name;
    ScopedEnv(const char* n, const char* v) : name(n) { setenv(n, v, 1); }
    ~ScopedEnv() { unsetenv(name.c_str()); }
};
}  // namespace

TEST(Config, FlagBeatsEnvironmentBeatsFile) {
    TempDir dir;
    write_text(dir.file("rectrack.toml"), "db = 'file.db'\nauthor = 'file-author'\n");
    EXPECT_EQ(resolve_settings({}, dir.file("rectrack.toml")).db_path, "file.db");
    EXPECT_EQ(resolve_settings({}, dir.file("rectrack.toml")).author, "file-author");
    ScopedEnv db("RECTRACK_DB", "env.db");
    EXPECT_EQ(resolve_settings({}, dir.file("rectrack.toml")).db_path, "env.db");
    EXPECT_EQ(resolve_settings({std::string("flag.db"), {}}, dir.file("rectrack.toml")).db_path,
              "flag.db");
}

TEST(Config, DefaultsWithoutAFile) {
    TempDir dir;
    const Settings s = resolve_settings({}, dir.file("absent.toml"));
    EXPECT_EQ(s.db_path, "rectrack.db");
    EXPECT_FALSE(s.author.empty());
}

TEST(Config, ClockCanBeFixed) {
    ScopedEnv now("RECTRACK_NOW", "2026-10-05T09:30:00Z");
    EXPECT_EQ(resolve_settings({}, "absent.toml").now.str(), "2026-10-05T09:30:00Z");
}

TEST(Config, RejectsUnknownSettingsAndBadValues) {
    TempDir dir;
    write_text(dir.file("a.toml"), "databse = 'x.db'\n");
    EXPECT_THROW(resolve_settings({}, dir.file("a.toml")), InputError);
    write_text(dir.file("b.toml"), "db = \n");
    EXPECT_THROW(resolve_settings({}, dir.file("b.toml")), InputError);
    ScopedEnv now("RECTRACK_NOW", "yesterday");
    EXPECT_THROW(resolve_settings({}, dir.file("absent.toml")), InputError);
}
