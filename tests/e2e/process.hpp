// Runs the real rectrack binary as a user would, capturing what it prints.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace rectrack::test {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

// Runs `program args...` in `cwd` with the environment cleared of RECTRACK_*
// variables and then given `env`. Output goes through temporary files, so a
// large output cannot dead-lock a pipe.
Result run_process(const std::string& program, const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& env, const std::string& cwd);

// A program left running in the background (a test server), stopped with
// SIGTERM when the object goes.
class Background {
  public:
    Background(const std::string& program, const std::vector<std::string>& args);
    ~Background();
    Background(const Background&) = delete;
    Background& operator=(const Background&) = delete;

  private:
    int pid_ = -1;
};

}  // namespace rectrack::test
