package cliplog

import (
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Store is the key-value storage the log lives in: the browser's
// localStorage in the app, a MemStore in tests and on the server.
//
// Get returns the value and true, or "" and false when the key is absent.
// Errors should wrap ErrStorageFull (a write does not fit) or
// ErrStorageUnavailable (storage is switched off or blocked); StoreError
// classifies a browser's raw errors. An error from Get that wraps
// ErrCorrupt means this one value cannot be read (the log reports the key
// and carries on); any other Get error stops a load.
//
// The app adapts go-app's ctx.LocalStorage() (see the package
// documentation for an adapter). Every value the package writes is a JSON
// object, so an adapter may store it raw rather than as a JSON string.
type Store interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Del(key string) error
	Keys() ([]string, error)
}

// MemStore is an in-memory Store with fault injection, for tests (and as a
// fallback when the browser gives no storage, so the page still works until
// it is closed). It is safe for concurrent use. Its size is the sum of the
// lengths in bytes of every key and value.
type MemStore struct {
	mu          sync.Mutex
	data        map[string]string
	size        int
	quota       int // 0: no limit
	failAfter   int // -1: never
	unavailable bool
	broken      map[string]error
	writes      int
}

// NewMemStore returns an empty MemStore without limits.
func NewMemStore() *MemStore {
	return &MemStore{data: map[string]string{}, failAfter: -1, broken: map[string]error{}}
}

// Get implements Store.
func (m *MemStore) Get(key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.unavailable {
		return "", false, fmt.Errorf("get %q: %w", key, ErrStorageUnavailable)
	}
	if err, ok := m.broken[key]; ok {
		return "", false, err
	}
	v, ok := m.data[key]
	return v, ok, nil
}

// Set implements Store. It fails with ErrStorageUnavailable when the store
// is unavailable, and with ErrStorageFull when the value would take the
// store past its quota or when the write is one FailWritesAfter stops.
func (m *MemStore) Set(key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.unavailable {
		return fmt.Errorf("set %q: %w", key, ErrStorageUnavailable)
	}
	if m.failAfter == 0 {
		return fmt.Errorf("set %q: QuotaExceededError: %w", key, ErrStorageFull)
	}
	old, had := m.data[key]
	size := m.size + len(value)
	if had {
		size -= len(old)
	} else {
		size += len(key)
	}
	if m.quota > 0 && size > m.quota {
		return fmt.Errorf("set %q: QuotaExceededError: %w", key, ErrStorageFull)
	}
	if m.failAfter > 0 {
		m.failAfter--
	}
	m.data[key] = value
	m.size = size
	m.writes++
	delete(m.broken, key)
	return nil
}

// Del implements Store.
func (m *MemStore) Del(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.unavailable {
		return fmt.Errorf("del %q: %w", key, ErrStorageUnavailable)
	}
	m.del(key)
	delete(m.broken, key)
	return nil
}

func (m *MemStore) del(key string) {
	if old, ok := m.data[key]; ok {
		m.size -= len(key) + len(old)
		delete(m.data, key)
	}
}

// Keys implements Store; the keys are sorted.
func (m *MemStore) Keys() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.unavailable {
		return nil, fmt.Errorf("keys: %w", ErrStorageUnavailable)
	}
	keys := make([]string, 0, len(m.data)+len(m.broken))
	for k := range m.data {
		keys = append(keys, k)
	}
	for k := range m.broken {
		if _, ok := m.data[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys, nil
}

// SetUnavailable makes every call fail with ErrStorageUnavailable (as a
// browser in a locked-down private mode does), or work again.
func (m *MemStore) SetUnavailable(v bool) {
	m.mu.Lock()
	m.unavailable = v
	m.mu.Unlock()
}

// SetQuota limits the store to n bytes of keys and values (0: no limit).
// What is already stored stays.
func (m *MemStore) SetQuota(n int) {
	m.mu.Lock()
	m.quota = n
	m.mu.Unlock()
}

// FailWritesAfter lets n more writes succeed, then fails every write with
// ErrStorageFull until it is called with -1.
func (m *MemStore) FailWritesAfter(n int) {
	m.mu.Lock()
	m.failAfter = n
	m.mu.Unlock()
}

// Put writes key without any fault or quota check: a test plants old or
// corrupt data with it.
func (m *MemStore) Put(key, value string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.del(key)
	m.data[key] = value
	m.size += len(key) + len(value)
}

// Break makes Get(key) fail with err (wrapping ErrCorrupt if err is nil),
// as a browser does for a value an adapter cannot decode. The key is
// listed by Keys. A Set or Del of the key mends it.
func (m *MemStore) Break(key string, err error) {
	if err == nil {
		err = fmt.Errorf("value of %q is not valid JSON: %w", key, ErrCorrupt)
	}
	m.mu.Lock()
	m.broken[key] = err
	m.mu.Unlock()
}

// Snapshot returns a copy of everything stored.
func (m *MemStore) Snapshot() map[string]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string]string, len(m.data))
	for k, v := range m.data {
		out[k] = v
	}
	return out
}

// Size returns the bytes of keys and values stored.
func (m *MemStore) Size() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.size
}

// Writes returns how many Set calls succeeded.
func (m *MemStore) Writes() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.writes
}

// isUnavailable reports whether err says the store cannot be used at all.
func isUnavailable(err error) bool { return errors.Is(err, ErrStorageUnavailable) }
