#pragma once
// Typed input/output handles. A module declares them as members; each registers itself with its module, and the
// Schedule resolves every handle to a product slot before the first event (checking the wiring).
#include <string>
#include <typeindex>

namespace e2e::fw {

class Module;

class HandleBase {
public:
  HandleBase(const HandleBase&) = delete;
  HandleBase& operator=(const HandleBase&) = delete;

  const std::string& name() const { return m_name; }
  const std::string& label() const { return m_label; }
  std::type_index type() const { return m_type; }
  const char* typeName() const { return m_typeName; }
  bool isOutput() const { return m_output; }
  int slot() const { return m_slot; }
  const Module& module() const { return *m_module; }
  // "module.handle -> label", the form every wiring error uses.
  std::string describe() const;

protected:
  HandleBase(Module* owner, std::string name, std::string label, std::type_index type, const char* typeName, bool output);

private:
  friend class Schedule;
  Module* m_module;
  std::string m_name, m_label;
  std::type_index m_type;
  const char* m_typeName;
  bool m_output;
  int m_slot = -1;
};

// "e2e::Frames" rather than the mangled "N3e2e6FramesE".
std::string demangle(const char* mangled);

// Type name for messages: the collection's kType when it has one, else the demangled C++ name.
template <class T>
const char* productTypeName() {
  if constexpr (requires { T::kType; }) {
    return T::kType;
  } else {
    static const std::string name = demangle(typeid(T).name());
    return name.c_str();
  }
}

template <class T>
class Input : public HandleBase {
public:
  Input(Module* owner, std::string name, std::string label)
      : HandleBase(owner, std::move(name), std::move(label), typeid(T), productTypeName<T>(), false) {}
};

template <class T>
class Output : public HandleBase {
public:
  Output(Module* owner, std::string name, std::string label)
      : HandleBase(owner, std::move(name), std::move(label), typeid(T), productTypeName<T>(), true) {}
};

}  // namespace e2e::fw
