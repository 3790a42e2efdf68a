// The object store behind local archives: content kept once under its hash,
// given back exactly, and refused or reported when it does not match.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "model/check.hpp"
#include "model/error.hpp"
#include "model/sha256.hpp"
#include "test_support.hpp"

using namespace rectrack;
using namespace rectrack::test;

namespace {

std::string binary_content() {
    std::string s;
    for (int i = 0; i < 4000; ++i) s += static_cast<char>(i * 7 % 256);
    return s;
}

std::vector<Store::StoredObject> objects_of(const Store& store) {
    std::vector<Store::StoredObject> out;
    store.for_each_object([&](const Store::StoredObject& o) { out.push_back(o); });
    return out;
}

}  // namespace

TEST(StoreObjects, KeepsEachContentOnceAndGivesItBack) {
    TempDir dir;
    Store store(dir.file("o.db"), {Access::create, 1000});
    const std::string content = binary_content();
    std::string first, second, empty;
    {
        Store::Transaction tx(store);
        first = store.put_object(tx, content);
        second = store.put_object(tx, content);
        empty = store.put_object(tx, "");
        tx.commit();
    }
    EXPECT_EQ(first, sha256_hex(content));
    EXPECT_EQ(second, first);
    EXPECT_EQ(store.object(first), content);
    EXPECT_EQ(store.object(empty), "");
    EXPECT_FALSE(store.object(std::string(64, 'a')));
    const auto all = objects_of(store);
    ASSERT_EQ(all.size(), 2u);  // the content once, and the empty object
    for (const auto& o : all) EXPECT_LT(o.zlib.size(), content.size() / 2) << "compressed";
}

TEST(StoreObjects, TakesAnExportedObjectOnlyIfItHoldsItsHash) {
    TempDir dir;
    Store from(dir.file("from.db"), {Access::create, 1000});
    {
        Store::Transaction tx(from);
        from.put_object(tx, binary_content());
        tx.commit();
    }
    const Store::StoredObject good = objects_of(from).at(0);
    Store to(dir.file("to.db"), {Access::create, 1000});
    Store::Transaction tx(to);
    Store::StoredObject wrong_hash = good;
    wrong_hash.sha256 = sha256_hex("something else");
    EXPECT_THROW(to.put_object(tx, wrong_hash), InputError);
    Store::StoredObject wrong_size = good;
    wrong_size.size += 1;
    EXPECT_THROW(to.put_object(tx, wrong_size), InputError);
    Store::StoredObject huge = good;  // a size no zlib stream of this length can hold
    huge.size = std::int64_t{1} << 50;
    EXPECT_THROW(to.put_object(tx, huge), InputError);
    Store::StoredObject not_zlib = good;
    not_zlib.zlib = "not compressed";
    EXPECT_THROW(to.put_object(tx, not_zlib), InputError);
    to.put_object(tx, good);
    tx.commit();
    EXPECT_EQ(to.object(good.sha256), binary_content());
}

TEST(StoreObjects, VerifyNamesAMissingOrDamagedCopy) {
    TempDir dir;
    auto store = small_store(dir.file("a.db"));
    CheckResult fetched;
    fetched.url = fetched.final_url = "https://example.org/a";
    fetched.result = CheckOutcome::ok;
    fetched.http_status = 200;
    fetched.body = binary_content();
    fetched.content_type = "application/octet-stream";
    record(*store, [&](Tracker& t) { t.record_archive(1, fetched, "2026-11-27T11:59:00Z"); });
    EXPECT_TRUE(store->verify().ok);
    const auto archived = store->archives(EvidenceId{1});
    ASSERT_EQ(archived.at(1).size(), 1u);
    EXPECT_EQ(archived.at(1)[0].fetched_at, "2026-11-27T11:59:00Z");
    EXPECT_EQ(archived.at(1)[0].size, 4000);
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE objects SET zlib = x'789c4b4c4a0600024d0127'");  // zlib of "abc"
    }
    VerifyResult r = store->verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("copy of E1 archived by event #"), std::string::npos) << r.problem;
    EXPECT_NE(r.problem.find("damaged"), std::string::npos) << r.problem;
    {
        SQLite::Database raw(dir.file("a.db"), SQLite::OPEN_READWRITE);
        raw.exec("DELETE FROM objects");
    }
    r = store->verify();
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.problem.find("missing"), std::string::npos) << r.problem;
}
