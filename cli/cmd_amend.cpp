// `rectrack amend rec|measure|evidence KEY --FIELD VALUE...`: change how
// something is recorded without erasing what it was. Only the flags given
// are changed; an empty value (--celex '') clears an optional field.
#include "commands.hpp"
#include "model/error.hpp"

namespace rectrack::cli {

namespace {

struct Flag {
    const char* option;  // --com
    const char* field;   // com_ref, as the adding event names it
    const char* help;
};

struct Options {
    std::string key, reason;
    std::map<std::string, std::optional<std::string>> values;  // by field
};

using Amend = Event (Tracker::*)(const std::string&, Tracker::FieldChanges, const std::string&);

void add_kind(CLI::App* amend, Context& ctx, const char* name, const char* about,
              const char* key_help, const char* key_type, std::vector<Flag> flags, Amend how) {
    auto* cmd = amend->add_subcommand(name, about);
    auto o = std::make_shared<Options>();
    cmd->add_option("key", o->key, key_help)->required()->type_name(key_type);
    for (const auto& f : flags) cmd->add_option(f.option, o->values[f.field], f.help);
    cmd->add_option("--reason", o->reason, "Why it is amended (kept in the journal)");
    cmd->callback([&ctx, o, how, name] {
        Tracker::FieldChanges fields;
        for (const auto& [field, value] : o->values)
            if (value) fields[field] = *value;
        if (fields.empty())
            throw InputError(std::string("give at least one field to amend (see `rectrack amend ") +
                             name + " --help`)");
        print_recorded(ctx.write([&](Tracker& t) { return (t.*how)(o->key, fields, o->reason); }));
    });
}

}  // namespace

void add_amend(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "amend", "Correct how a recommendation, measure or source is recorded, keeping the old");
    cmd->require_subcommand(1);
    add_kind(cmd, ctx, "rec", "Amend a recommendation's title or text", "Recommendation key", "REC",
             {{"--title", "title", "Short title"}, {"--text", "text", "Full text, verbatim"}},
             &Tracker::amend_recommendation);
    add_kind(cmd, ctx, "measure", "Amend a measure's title, type or identifiers", "Measure key",
             "MEASURE",
             {{"--title", "title", "Official title"},
              {"--type", "type", "regulation, directive, decision, ..."},
              {"--celex", "celex", "CELEX number ('' clears it)"},
              {"--eli", "eli", "ELI ('' clears it)"},
              {"--com", "com_ref", "COM/JOIN/SWD reference ('' clears it)"},
              {"--procedure", "procedure", "Procedure reference ('' clears it)"},
              {"--url", "url", "Official page ('' clears it)"}},
             &Tracker::amend_measure);
    add_kind(cmd, ctx, "evidence", "Amend a source's title, date, archive URL, kind or bearing",
             "E<n>, <n> or the recorded URL", "EVIDENCE",
             {{"--title", "title", "Title of the source"},
              {"--publisher", "publisher", "Who published it ('' clears it)"},
              {"--published", "published", "Publication date ('' clears it)"},
              {"--archive", "archive_url", "URL of an archived copy ('' clears it)"},
              {"--kind", "kind", "official, legislation, news, ngo or academic"},
              {"--bearing", "bearing", "supports, contradicts or context"}},
             &Tracker::amend_evidence);
}

}  // namespace rectrack::cli
