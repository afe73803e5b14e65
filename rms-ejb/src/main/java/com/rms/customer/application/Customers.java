package com.rms.customer.application;

import com.rms.customer.domain.Customer;
import com.rms.customer.domain.LoyaltyTransaction;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The current tenant's customers: find or create by phone or email (the POS's "who is this guest"),
 * search, read, and the points ledger. Phones are stored as digits with an optional leading +,
 * emails in lower case, each unique within the tenant. Owners and managers see and search the whole
 * list; the till (cashiers, waiters) searches with at least {@value #TILL_MIN_QUERY} characters, gets
 * at most {@value #TILL_MAX_RESULTS} guests, and sees phone and email masked unless it typed them
 * exactly: a till looks up the guest in front of it, it does not export the customer list.
 */
@ApplicationScoped
@Transactional
public class Customers {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int RECENT = 200;
    static final int TILL_MIN_QUERY = 3;
    static final int TILL_MAX_RESULTS = 20;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    /** The customer with this phone (else this email), or a new one. */
    public FoundOrCreated findOrCreate(CustomerCommand command) {
        TenantContext.require();
        List<FieldError> errors = new ArrayList<>();
        if (command == null) {
            throw new ValidationException("a customer needs a phone or an email",
                    List.of(new FieldError("phone", "a phone or an email is required")));
        }
        String phone = phone(command.phone(), errors);
        String email = email(command.email(), errors);
        String name = command.name() == null || command.name().isBlank() ? null : command.name().trim();
        if (phone == null && email == null && errors.isEmpty()) {
            errors.add(new FieldError("phone", "a phone or an email is required"));
        }
        if (name != null && name.length() > 120) {
            errors.add(new FieldError("name", "must be at most 120 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("the customer has invalid fields", errors);
        }
        Optional<Customer> existing = by("phone", phone).or(() -> by("email", email));
        if (existing.isPresent()) {
            return new FoundOrCreated(CustomerView.of(existing.get()), false);
        }
        Customer customer = new Customer(name, phone, email);
        try {
            em.persist(customer);
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException("a customer with this phone or email was created at the same time; retry");
        }
        return new FoundOrCreated(CustomerView.of(customer), true);
    }

    /**
     * Customers whose name, phone or email contains {@code q}, by name; anonymised ones are left out.
     * Owners and managers may list everyone (blank {@code q}) page by page; the till as the class says.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CustomerView> search(String q, PageRequest paging) {
        TenantContext.require();
        boolean till = !seesContactData(CallerContext.current());
        String text = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        if (till && text.length() < TILL_MIN_QUERY) {
            throw new ValidationException("a search at the till needs at least " + TILL_MIN_QUERY + " characters",
                    List.of(new FieldError("q", "must be at least " + TILL_MIN_QUERY + " characters")));
        }
        String where = " where c.anonymised = false";
        String digits = text.replaceAll("[^0-9]", "");
        if (!text.isEmpty()) {
            where += " and (lower(c.name) like :text or c.email like :text"
                    + (digits.length() >= 3 ? " or c.phone like :digits" : "") + ")";
        }
        TypedQuery<Customer> query = em.createQuery("select c from Customer c" + where + " order by c.name, c.id",
                Customer.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from Customer c" + where, Long.class);
        if (!text.isEmpty()) {
            String like = "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%";
            query.setParameter("text", like);
            count.setParameter("text", like);
            if (digits.length() >= 3) {
                query.setParameter("digits", "%" + digits + "%");
                count.setParameter("digits", "%" + digits + "%");
            }
        }
        if (till) {
            String exactPhone = phone(q, new ArrayList<>());
            List<CustomerView> items = query.setMaxResults(TILL_MAX_RESULTS).getResultStream()
                    .map(c -> text.equals(c.getEmail()) || exactPhone != null && exactPhone.equals(c.getPhone())
                            ? CustomerView.of(c) : CustomerView.of(c).masked())
                    .toList();
            return new Page<>(items, 0, TILL_MAX_RESULTS, items.size());
        }
        List<CustomerView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(CustomerView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    /** Whether this caller sees customers' phone and email unmasked when reading by id or listing. */
    private static boolean seesContactData(Caller caller) {
        return caller.chainWide() || caller.has(Role.MANAGER);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CustomerView get(long id) {
        CustomerView customer = CustomerView.of(require(id));
        return seesContactData(CallerContext.current()) ? customer : customer.masked();
    }

    /** The balance and the most recent movements of a customer's points. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LoyaltyView loyalty(long id) {
        Customer customer = require(id);
        List<LoyaltyView.Entry> recent = em.createQuery("select t from LoyaltyTransaction t where t.customerId = :c "
                + "order by t.at desc, t.id desc", LoyaltyTransaction.class).setParameter("c", id)
                .setMaxResults(RECENT).getResultStream().map(LoyaltyView.Entry::of).toList();
        return new LoyaltyView(customer.getId(), customer.getPoints(), recent);
    }

    private Customer require(long id) {
        TenantContext.require();
        Customer customer = em.find(Customer.class, id);
        if (customer == null) {
            throw new NotFoundException("no customer " + id);
        }
        return customer;
    }

    private Optional<Customer> by(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return em.createQuery("select c from Customer c where c." + field + " = :v", Customer.class)
                .setParameter("v", value).getResultStream().findFirst();
    }

    static String phone(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String phone = raw.trim().replaceAll("[\\s().\\-/]", "");
        if (!PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "must be 5 to 20 digits, optionally starting with +"));
            return null;
        }
        return phone;
    }

    static String email(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
            return null;
        }
        return email;
    }
}
