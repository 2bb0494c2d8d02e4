#pragma once
// A module: one step of the event processing. It declares typed Input/Output handles as members and implements
// produce(Event&) const — const because several events are in flight at once on different threads.
#include <string>
#include <vector>

#include "e2e/framework/Handles.hpp"

namespace e2e::fw {

class Event;

class Module {
public:
  explicit Module(std::string name) : m_name(std::move(name)) {}
  virtual ~Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  const std::string& name() const { return m_name; }
  virtual void produce(Event& event) const = 0;
  // Called once after the last event (e.g. to flush a batch or close a file).
  virtual void endJob() {}
  const std::vector<HandleBase*>& handles() const { return m_handles; }

private:
  friend class HandleBase;
  std::string m_name;
  std::vector<HandleBase*> m_handles;
};

}  // namespace e2e::fw
