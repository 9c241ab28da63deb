package io.crmflow.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.web.ApiProblems.FieldProblem;
import io.crmflow.web.BadRequestException;
import io.crmflow.web.ConflictException;
import io.crmflow.web.CsvUploads;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Imports customers, or the contacts of one customer, from CSV with the conventions of the lead import: the whole file
 * is parsed before anything is written (a malformed file changes nothing); then each row is created like its POST
 * would, in a transaction of its own, and a refused row is reported with its line number without stopping the others.
 */
@Component
class CustomerCsvImport {

    static final List<String> CUSTOMER_COLUMNS = List.of("name", "creditCode", "industry", "region", "address", "owner");
    static final List<String> CONTACT_COLUMNS = List.of("name", "role", "title", "phone", "email", "wechat");
    static final int MAX_ROWS = 5_000;

    private final CustomerService customers;
    private final Validator validator;
    private final ObjectMapper json;

    CustomerCsvImport(CustomerService customers, Validator validator, ObjectMapper json) {
        this.customers = customers;
        this.validator = validator;
        this.json = json;
    }

    CustomerImportReport importCustomers(String csv, CustomerAccess.Viewer viewer) {
        return importRows(CsvUploads.parse(csv, CUSTOMER_COLUMNS, Set.of("name", "region"), MAX_ROWS), NewCustomer.class,
                customer -> customers.create(customer, viewer).id());
    }

    CustomerImportReport importContacts(long customerId, String csv, CustomerAccess.Viewer viewer) {
        List<CSVRecord> records = CsvUploads.parse(csv, CONTACT_COLUMNS, Set.of("name"), MAX_ROWS);
        customers.changeable(customerId, viewer);
        return importRows(records, NewContact.class, contact -> customers.addContact(customerId, contact, viewer).id());
    }

    private <T> CustomerImportReport importRows(List<CSVRecord> records, Class<T> type, Function<T, Long> create) {
        List<CustomerImportReport.Row> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            long line = record.getRecordNumber() + 1;
            CsvUploads.Row<T> row = CsvUploads.read(record, type, json, validator);
            if (!row.valid()) {
                rows.add(rejected(line, row.problems()));
                continue;
            }
            try {
                rows.add(new CustomerImportReport.Row(line, CustomerImportReport.Outcome.CREATED, create.apply(row.request()), List.of()));
            } catch (InvalidRequestException e) {
                rows.add(rejected(line, List.of(new FieldProblem(e.field(), e.getMessage()))));
            } catch (BadRequestException e) {
                rows.add(rejected(line, List.of(new FieldProblem(e.field(), e.getMessage()))));
            } catch (ConflictException e) {
                rows.add(rejected(line, List.of(new FieldProblem(String.valueOf(e.details().getOrDefault("field", "row")), e.getMessage()))));
            } catch (ForbiddenException e) {
                rows.add(rejected(line, List.of(new FieldProblem("row", e.getMessage()))));
            }
        }
        return CustomerImportReport.of(rows);
    }

    private static CustomerImportReport.Row rejected(long line, List<FieldProblem> errors) {
        return new CustomerImportReport.Row(line, CustomerImportReport.Outcome.REJECTED, null, errors);
    }
}
